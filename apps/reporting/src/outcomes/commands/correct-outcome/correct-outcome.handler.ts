import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTCOME_RECORDED, OutcomeChangeAccepted, OutcomeRecordedV1 } from '@intensify/contracts';
import { appendToOutbox, newEvent } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { audit } from '../../../audit/audit-log';
import { REPORTING_ENV, ReportingEnv, SCHEMA } from '../../../config';
import { lockOpenOperation } from '../../../operations/open-operation';
import { TOPICS, TopicNames } from '../../../outbox/topics.provider';
import { fingerprint } from '../../fingerprint';
import { IdempotencyKeyEntity } from '../../idempotency-key.entity';
import { assertMayWrite, lockOutcomeInScope } from '../../locked-outcome';
import { occurredAtError } from '../../occurred-at.rule';
import { idempotencyConflict } from '../../outcome-writes';
import { OutcomeEntity } from '../../outcome.entity';
import { OutcomeVersionEntity } from '../../outcome-version.entity';
import { CorrectOutcomeCommand, CorrectOutcomeResult } from './correct-outcome.command';

/** A correction is a new version; history is never edited. Tallies move by the difference. */
@CommandHandler(CorrectOutcomeCommand)
export class CorrectOutcomeHandler implements ICommandHandler<
  CorrectOutcomeCommand,
  CorrectOutcomeResult
> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    @Inject(REPORTING_ENV) private readonly env: ReportingEnv,
  ) {}

  async execute(cmd: CorrectOutcomeCommand): Promise<CorrectOutcomeResult> {
    return this.db.transaction(async (m) => {
      const row = await lockOutcomeInScope(m, cmd.outcomeId, cmd.actor);
      const print = fingerprint('correct', row.id, cmd.replacement);
      const seen = await m.findOneBy(IdempotencyKeyEntity, {
        operationId: row.operationId,
        key: cmd.idempotencyKey,
      });
      if (seen) {
        if (seen.fingerprint !== print) throw idempotencyConflict();
        return { ...(seen.response as unknown as OutcomeChangeAccepted), replayed: true };
      }
      assertMayWrite(cmd.actor, cmd.replacement.force);
      const op = await lockOpenOperation(m, row.operationId);
      if (row.retractedAt)
        throw new ProblemError(
          'outcome_retracted',
          `Outcome ${row.id} was retracted; it cannot be corrected`,
        );
      if (cmd.replacement.type !== row.type) {
        throw ProblemError.validation([
          {
            field: 'type',
            message: `must stay ${row.type}: a correction replaces an outcome with one of the same type`,
          },
        ]);
      }
      const bad = occurredAtError(
        cmd.replacement.occurredAt,
        op,
        new Date(),
        this.env.CLOCK_SKEW_MS,
      );
      if (bad) throw ProblemError.validation([bad]);

      const now = new Date();
      const version = row.version + 1;
      const answer: OutcomeChangeAccepted = { id: row.id, version, status: 'accepted' };
      const claimed = await m
        .createQueryBuilder()
        .insert()
        .into(IdempotencyKeyEntity)
        .values({
          operationId: row.operationId,
          key: cmd.idempotencyKey,
          fingerprint: print,
          outcomeId: row.id,
          response: { ...answer },
        })
        .orIgnore()
        .returning(['key'])
        .execute();
      if (claimed.raw.length === 0) throw idempotencyConflict();
      await m.update(
        OutcomeEntity,
        { id: row.id },
        { version, current: cmd.replacement, force: cmd.replacement.force, updatedAt: now },
      );
      await m.insert(OutcomeVersionEntity, {
        outcomeId: row.id,
        version,
        body: cmd.replacement,
        actor: cmd.actor,
        correlationId: cmd.correlationId,
        recordedAt: now,
      });
      const event = newEvent<OutcomeRecordedV1>(
        {
          ...OUTCOME_RECORDED,
          aggregateId: row.id,
          occurredAt: cmd.replacement.occurredAt,
          actor: cmd.actor,
          correlationId: cmd.correlationId,
          payload: {
            outcomeId: row.id,
            operationId: row.operationId,
            version,
            current: cmd.replacement,
            previous: row.current,
          },
        },
        now,
      );
      await appendToOutbox(m, SCHEMA, [{ topic: this.topics.outcomes, event }]);
      await audit(m, [
        {
          actor: cmd.actor,
          action: 'outcome.corrected',
          operationId: row.operationId,
          subjectId: row.id,
          correlationId: cmd.correlationId,
          details: {
            version,
            previousForce: row.force,
            force: cmd.replacement.force,
            type: row.type,
          },
        },
      ]);
      return { ...answer, replayed: false };
    });
  }
}
