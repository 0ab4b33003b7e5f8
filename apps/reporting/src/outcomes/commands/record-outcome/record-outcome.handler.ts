import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemError } from '@intensify/problems';
import { REPORTING_ENV, ReportingEnv } from '../../../config';
import { isUuid, lockOpenOperation, operationNotFound } from '../../../operations/open-operation';
import { TOPICS, TopicNames } from '../../../outbox/topics.provider';
import { fingerprint } from '../../fingerprint';
import { IdempotencyKeyEntity } from '../../idempotency-key.entity';
import { idempotencyConflict, recordOutcomes } from '../../outcome-writes';
import { RecordOutcomeCommand, RecordOutcomeResult } from './record-outcome.command';

/**
 * Stores a new outcome, its first version, its idempotency key, its event and its audit record
 * in one transaction: once this commits the outcome is durable and will reach every projection.
 */
@CommandHandler(RecordOutcomeCommand)
export class RecordOutcomeHandler implements ICommandHandler<
  RecordOutcomeCommand,
  RecordOutcomeResult
> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    @Inject(REPORTING_ENV) private readonly env: ReportingEnv,
  ) {}

  async execute(cmd: RecordOutcomeCommand): Promise<RecordOutcomeResult> {
    if (!isUuid(cmd.operationId)) throw operationNotFound(cmd.operationId);
    return this.db.transaction(async (m) => {
      // A replay is answered even after the week closed: it records nothing new.
      const seen = await m.findOneBy(IdempotencyKeyEntity, {
        operationId: cmd.operationId,
        key: cmd.idempotencyKey,
      });
      if (seen) {
        if (seen.fingerprint !== fingerprint('record', cmd.operationId, cmd.outcome))
          throw idempotencyConflict();
        return { id: seen.outcomeId, replayed: true };
      }
      const op = await lockOpenOperation(m, cmd.operationId);
      const [result] = await recordOutcomes(
        m,
        op,
        [{ key: cmd.idempotencyKey, outcome: cmd.outcome }],
        {
          actor: cmd.actor,
          correlationId: cmd.correlationId,
          outcomesTopic: this.topics.outcomes,
          clockSkewMs: this.env.CLOCK_SKEW_MS,
          via: 'api',
        },
      );
      switch (result.status) {
        case 'accepted':
          return { id: result.id, replayed: false };
        case 'duplicate':
          return { id: result.id, replayed: true };
        case 'conflict':
          throw idempotencyConflict();
        case 'invalid':
          throw ProblemError.validation(result.errors);
      }
    });
  }
}
