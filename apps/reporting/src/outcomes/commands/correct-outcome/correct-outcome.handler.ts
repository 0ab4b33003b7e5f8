import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  OUTCOME_RECORDED_V2,
  OutcomeChangeAccepted,
  outcomeFigures,
  OutcomeRecordedV2,
  outcomeEventKey,
} from '@intensify/contracts';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { fingerprint } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { REPORTING_ENV, ReportingEnv } from '../../../config';
import { lockOpenOperation } from '../../../operations/open-operation';
import { outcomeKeys, requestPrint } from '../../outcome-keys';
import { assertMayWrite, lockOutcomeInScope } from '../../locked-outcome';
import { occurredAtError } from '../../occurred-at.rule';
import { OutcomeEntity } from '../../outcome.entity';
import { OutcomeVersionEntity } from '../../outcome-version.entity';
import { CorrectOutcomeCommand, CorrectOutcomeResult } from './correct-outcome.command';

/** A correction is a new version; history is never edited. Tallies move by the difference. */
@CommandHandler(CorrectOutcomeCommand)
export class CorrectOutcomeHandler implements ICommandHandler<CorrectOutcomeCommand> {
  constructor(
    private readonly writer: ChangeWriter,
    @Inject(REPORTING_ENV) private readonly env: ReportingEnv,
  ) {}

  async execute(cmd: CorrectOutcomeCommand): Promise<CorrectOutcomeResult> {
    const { actor, correlationId, replacement } = cmd;
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const { m, now } = ctx;
      const row = await lockOutcomeInScope(m, cmd.outcomeId, actor);
      // The key is claimed first: a refusal below rolls the claim back with everything else.
      const print = fingerprint(requestPrint('correct', row.id, replacement));
      const prior = await outcomeKeys.claim<OutcomeChangeAccepted>(
        m,
        row.operationId,
        cmd.idempotencyKey,
        print,
        { outcome_id: row.id },
      );
      if (prior) return { ...prior, replayed: true };
      assertMayWrite(actor, replacement.force);
      const op = await lockOpenOperation(m, row.operationId);
      if (row.retractedAt)
        throw new ProblemError(
          'outcome_retracted',
          `Outcome ${row.id} was retracted; it cannot be corrected`,
        );
      if (replacement.type !== row.type) {
        throw ProblemError.validation([
          {
            field: 'type',
            message: `must stay ${row.type}: a correction replaces an outcome with one of the same type`,
          },
        ]);
      }
      const bad = occurredAtError(replacement.occurredAt, op, now, this.env.CLOCK_SKEW_MS);
      if (bad) throw ProblemError.validation([bad]);

      const version = row.version + 1;
      const answer: OutcomeChangeAccepted = { id: row.id, version, status: 'accepted' };
      await outcomeKeys.answer(m, row.operationId, cmd.idempotencyKey, answer);
      await m.update(
        OutcomeEntity,
        { id: row.id },
        { version, current: replacement, force: replacement.force, updatedAt: now },
      );
      await m.insert(OutcomeVersionEntity, {
        outcomeId: row.id,
        version,
        body: replacement,
        actor,
        correlationId,
        recordedAt: now,
      });
      const payload: OutcomeRecordedV2 = {
        outcomeId: row.id,
        operationId: row.operationId,
        version,
        current: outcomeFigures(replacement),
        previous: outcomeFigures(row.current),
      };
      await recordChanges(ctx, [
        {
          kind: OUTCOME_RECORDED_V2,
          aggregateId: row.id,
          key: outcomeEventKey(row.operationId),
          occurredAt: replacement.occurredAt,
          payload,
          audit: {
            action: 'outcome.corrected',
            operationId: row.operationId,
            details: {
              version,
              previousForce: row.force,
              force: replacement.force,
              type: row.type,
            },
          },
        },
      ]);
      return { ...answer, replayed: false };
    });
  }
}
