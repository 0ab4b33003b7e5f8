import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ImportResult } from '@intensify/contracts';
import { audit, idempotencyConflictErrors } from '@intensify/persistence';
import { ChangeWriter } from '@intensify/messaging';
import { Turns } from '@intensify/runtime';
import { REPORTING_ENV, ReportingEnv, SCHEMA } from '../../../config';
import { lockOpenOperation } from '../../../operations/open-operation';
import { assertMayWrite } from '../../locked-outcome';
import { recordOutcomes } from '../../outcome-writes';
import { ImportOutcomesCommand } from './import-outcomes.command';

/**
 * Returns written at once. Each holds a database connection for its whole transaction: 43 forces
 * sending at the same moment would take the pool from the reports arriving meanwhile.
 */
const IMPORTS_AT_ONCE = 2;

/**
 * A CSV return in one transaction: good rows are accepted even when others are rejected, and
 * re-uploading the same file finds every key already used with the same row, so nothing changes.
 */
@CommandHandler(ImportOutcomesCommand)
export class ImportOutcomesHandler implements ICommandHandler<ImportOutcomesCommand> {
  private readonly turns = new Turns(IMPORTS_AT_ONCE);

  constructor(
    private readonly writer: ChangeWriter,
    @Inject(REPORTING_ENV) private readonly env: ReportingEnv,
  ) {}

  async execute(command: ImportOutcomesCommand): Promise<ImportResult> {
    for (const r of command.rows) assertMayWrite(command.actor, r.outcome.force);
    return this.turns.run(() => this.write(command));
  }

  private write({
    operationId,
    rows,
    actor,
    correlationId,
  }: ImportOutcomesCommand): Promise<ImportResult> {
    return this.writer.inTransaction({ actor, correlationId }, async ({ m, topic }) => {
      const op = await lockOpenOperation(m, operationId);
      const results = await recordOutcomes(
        m,
        op,
        rows.map((r) => ({ key: r.key, outcome: r.outcome, actor, correlationId })),
        { outcomesTopic: topic, clockSkewMs: this.env.CLOCK_SKEW_MS, via: 'import' },
      );
      const summary: ImportResult = { accepted: 0, duplicates: 0, rejected: [] };
      results.forEach((r, i) => {
        const { row, line } = rows[i];
        if (r.status === 'accepted') summary.accepted++;
        else if (r.status === 'duplicate') summary.duplicates++;
        else
          summary.rejected.push({
            row,
            line,
            errors:
              r.status === 'invalid'
                ? r.errors
                : idempotencyConflictErrors.map((e) => ({ ...e, field: 'idempotencyKey' })),
          });
      });
      // The import as a whole: no event of its own, each accepted row has one.
      await audit(m, SCHEMA, [
        {
          actor,
          action: 'outcomes.imported',
          operationId: op.id,
          subjectId: null,
          correlationId,
          details: {
            rows: rows.length,
            accepted: summary.accepted,
            duplicates: summary.duplicates,
            rejected: summary.rejected.length,
          },
        },
      ]);
      return summary;
    });
  }
}
