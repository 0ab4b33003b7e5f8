import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  OUTCOME_RETRACTED_V2,
  outcomeFigures,
  OutcomeRetractedV2,
  outcomeEventKey,
} from '@intensify/contracts';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { lockOpenOperation } from '../../../operations/open-operation';
import { lockOutcomeInScope } from '../../locked-outcome';
import { OutcomeEntity } from '../../outcome.entity';
import { CorrectOutcomeResult } from '../correct-outcome/correct-outcome.command';
import { RetractOutcomeCommand } from './retract-outcome.command';

/** Takes an outcome off the tallies; retracting it again changes nothing and answers 200. */
@CommandHandler(RetractOutcomeCommand)
export class RetractOutcomeHandler implements ICommandHandler<RetractOutcomeCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute(cmd: RetractOutcomeCommand): Promise<CorrectOutcomeResult> {
    const { actor, correlationId, reason } = cmd;
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const row = await lockOutcomeInScope(ctx.m, cmd.outcomeId, actor);
      const answer = { id: row.id, version: row.version, status: 'accepted' as const };
      if (row.retractedAt) return { ...answer, replayed: true };
      await lockOpenOperation(ctx.m, row.operationId);
      const { now } = ctx;
      await ctx.m.update(
        OutcomeEntity,
        { id: row.id },
        {
          retractedAt: now,
          retraction: {
            reason,
            at: now.toISOString(),
            by: { sub: actor.sub, role: actor.role },
          },
          updatedAt: now,
        },
      );
      const payload: OutcomeRetractedV2 = {
        outcomeId: row.id,
        operationId: row.operationId,
        version: row.version,
        previous: outcomeFigures(row.current),
      };
      await recordChanges(ctx, [
        {
          kind: OUTCOME_RETRACTED_V2,
          aggregateId: row.id,
          key: outcomeEventKey(row.operationId),
          payload,
          audit: {
            operationId: row.operationId,
            details: { version: row.version, reason, force: row.force, type: row.type },
          },
        },
      ]);
      return { ...answer, replayed: false };
    });
  }
}
