import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTCOME_RETRACTED, OutcomeRetractedV1 } from '@intensify/contracts';
import { appendToOutbox, newEvent } from '@intensify/messaging';
import { audit } from '../../../audit/audit-log';
import { SCHEMA } from '../../../config';
import { lockOpenOperation } from '../../../operations/open-operation';
import { TOPICS, TopicNames } from '../../../outbox/topics.provider';
import { lockOutcomeInScope } from '../../locked-outcome';
import { OutcomeEntity } from '../../outcome.entity';
import { CorrectOutcomeResult } from '../correct-outcome/correct-outcome.command';
import { RetractOutcomeCommand } from './retract-outcome.command';

/** Takes an outcome off the tallies; retracting it again changes nothing and answers 200. */
@CommandHandler(RetractOutcomeCommand)
export class RetractOutcomeHandler implements ICommandHandler<
  RetractOutcomeCommand,
  CorrectOutcomeResult
> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
  ) {}

  async execute(cmd: RetractOutcomeCommand): Promise<CorrectOutcomeResult> {
    return this.db.transaction(async (m) => {
      const row = await lockOutcomeInScope(m, cmd.outcomeId, cmd.actor);
      const answer = { id: row.id, version: row.version, status: 'accepted' as const };
      if (row.retractedAt) return { ...answer, replayed: true };
      await lockOpenOperation(m, row.operationId);
      const now = new Date();
      await m.update(
        OutcomeEntity,
        { id: row.id },
        {
          retractedAt: now,
          retraction: {
            reason: cmd.reason,
            at: now.toISOString(),
            by: { sub: cmd.actor.sub, role: cmd.actor.role },
          },
          updatedAt: now,
        },
      );
      const event = newEvent<OutcomeRetractedV1>(
        {
          ...OUTCOME_RETRACTED,
          aggregateId: row.id,
          occurredAt: now.toISOString(),
          actor: cmd.actor,
          correlationId: cmd.correlationId,
          payload: {
            outcomeId: row.id,
            operationId: row.operationId,
            version: row.version,
            previous: row.current,
            reason: cmd.reason,
          },
        },
        now,
      );
      await appendToOutbox(m, SCHEMA, [{ topic: this.topics.outcomes, event }]);
      await audit(m, [
        {
          actor: cmd.actor,
          action: 'outcome.retracted',
          operationId: row.operationId,
          subjectId: row.id,
          correlationId: cmd.correlationId,
          details: { version: row.version, reason: cmd.reason, force: row.force, type: row.type },
        },
      ]);
      return { ...answer, replayed: false };
    });
  }
}
