import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OUTCOME_RECORDED, OutcomeRecordedV1 } from '@intensify/contracts';
import { appendToOutbox, newEvent } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { REPORTING_ENV, ReportingEnv, SCHEMA } from '../../../config';
import { OperationEntity } from '../../../operations/operation.entity';
import { TOPICS, TopicNames } from '../../../outbox/topics.provider';
import { fingerprint } from '../../fingerprint';
import { IdempotencyKeyEntity } from '../../idempotency-key.entity';
import { occurredAtError } from '../../occurred-at.rule';
import { OutcomeEntity } from '../../outcome.entity';
import { OutcomeVersionEntity } from '../../outcome-version.entity';
import { RecordOutcomeCommand, RecordOutcomeResult } from './record-outcome.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores a new outcome, its first version, its idempotency key and its event in one
 * transaction: once this commits the outcome is durable and will reach every projection.
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
    if (!UUID.test(cmd.operationId)) throw notFound(cmd.operationId);
    const print = fingerprint('record', cmd.operationId, cmd.outcome);
    return this.db.transaction(async (m) => {
      const seen = await replay(m, cmd.operationId, cmd.idempotencyKey, print);
      if (seen) return seen;
      await this.checkOperation(m, cmd);
      const id = randomUUID();
      const claimed = await m
        .createQueryBuilder()
        .insert()
        .into(IdempotencyKeyEntity)
        .values({
          operationId: cmd.operationId,
          key: cmd.idempotencyKey,
          fingerprint: print,
          outcomeId: id,
        })
        .orIgnore()
        .returning(['outcomeId'])
        .execute();
      if (claimed.raw.length === 0) {
        // A concurrent request with the same key committed first; it waited for us at the insert.
        return (await replay(m, cmd.operationId, cmd.idempotencyKey, print))!;
      }
      await this.store(m, id, cmd);
      return { id, replayed: false };
    });
  }

  private async checkOperation(m: EntityManager, cmd: RecordOutcomeCommand): Promise<void> {
    const op = await m.findOneBy(OperationEntity, { id: cmd.operationId });
    if (!op) throw notFound(cmd.operationId);
    if (op.closedAt)
      throw new ProblemError(
        'operation_closed',
        `Operation ${op.id} is closed; its figures are final`,
      );
    const bad = occurredAtError(cmd.outcome.occurredAt, op, new Date(), this.env.CLOCK_SKEW_MS);
    if (bad) throw ProblemError.validation([bad]);
  }

  private async store(m: EntityManager, id: string, cmd: RecordOutcomeCommand): Promise<void> {
    const now = new Date();
    await m.insert(OutcomeEntity, {
      id,
      operationId: cmd.operationId,
      force: cmd.outcome.force,
      type: cmd.outcome.type,
      version: 1,
      current: cmd.outcome,
      retractedAt: null,
      createdAt: now,
    });
    await m.insert(OutcomeVersionEntity, {
      outcomeId: id,
      version: 1,
      body: cmd.outcome,
      actor: cmd.actor,
      correlationId: cmd.correlationId,
      recordedAt: now,
    });
    const event = newEvent<OutcomeRecordedV1>(
      {
        ...OUTCOME_RECORDED,
        aggregateId: id,
        occurredAt: cmd.outcome.occurredAt,
        actor: cmd.actor,
        correlationId: cmd.correlationId,
        payload: {
          outcomeId: id,
          operationId: cmd.operationId,
          version: 1,
          current: cmd.outcome,
          previous: null,
        },
      },
      now,
    );
    await appendToOutbox(m, SCHEMA, [{ topic: this.topics.outcomes, event }]);
  }
}

async function replay(
  m: EntityManager,
  operationId: string,
  key: string,
  print: string,
): Promise<RecordOutcomeResult | null> {
  const seen = await m.findOneBy(IdempotencyKeyEntity, { operationId, key });
  if (!seen) return null;
  if (seen.fingerprint !== print) {
    throw new ProblemError(
      'idempotency_conflict',
      'This Idempotency-Key was already used with a different request body',
      [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
    );
  }
  return { id: seen.outcomeId, replayed: true };
}

function notFound(id: string): ProblemError {
  return new ProblemError('not_found', `No operation with id ${id}`);
}
