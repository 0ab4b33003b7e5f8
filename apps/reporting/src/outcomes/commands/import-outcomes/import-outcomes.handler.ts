import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ImportResult } from '@intensify/contracts';
import { audit } from '../../../audit/audit-log';
import { REPORTING_ENV, ReportingEnv } from '../../../config';
import { lockOpenOperation } from '../../../operations/open-operation';
import { TOPICS, TopicNames } from '../../../outbox/topics.provider';
import { assertMayWrite } from '../../locked-outcome';
import { conflictErrors, recordOutcomes } from '../../outcome-writes';
import { ImportOutcomesCommand } from './import-outcomes.command';

/**
 * A CSV return in one transaction: good rows are accepted even when others are rejected, and
 * re-uploading the same file finds every key already used with the same row, so nothing changes.
 */
@CommandHandler(ImportOutcomesCommand)
export class ImportOutcomesHandler implements ICommandHandler<ImportOutcomesCommand, ImportResult> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    @Inject(REPORTING_ENV) private readonly env: ReportingEnv,
  ) {}

  async execute(cmd: ImportOutcomesCommand): Promise<ImportResult> {
    for (const r of cmd.rows) assertMayWrite(cmd.actor, r.outcome.force);
    return this.db.transaction(async (m) => {
      const op = await lockOpenOperation(m, cmd.operationId);
      const results = await recordOutcomes(
        m,
        op,
        cmd.rows.map((r) => ({
          key: r.key,
          outcome: r.outcome,
          actor: cmd.actor,
          correlationId: cmd.correlationId,
        })),
        {
          outcomesTopic: this.topics.outcomes,
          clockSkewMs: this.env.CLOCK_SKEW_MS,
          via: 'import',
        },
      );
      const summary: ImportResult = { accepted: 0, duplicates: 0, rejected: [] };
      results.forEach((r, i) => {
        const { row, line } = cmd.rows[i];
        if (r.status === 'accepted') summary.accepted++;
        else if (r.status === 'duplicate') summary.duplicates++;
        else
          summary.rejected.push({
            row,
            line,
            errors:
              r.status === 'invalid'
                ? r.errors
                : conflictErrors.map((e) => ({ ...e, field: 'idempotencyKey' })),
          });
      });
      await audit(m, [
        {
          actor: cmd.actor,
          action: 'outcomes.imported',
          operationId: op.id,
          subjectId: null,
          correlationId: cmd.correlationId,
          details: {
            rows: cmd.rows.length,
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
