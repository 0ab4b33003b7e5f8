import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An Idempotency-Key is unique within an operation: the same key with the same request
 * replays the first answer, with a different request it is a conflict.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid', { name: 'operation_id' })
  operationId: string;

  @PrimaryColumn('text')
  key: string;

  @Column('text')
  fingerprint: string;

  @Column('uuid', { name: 'outcome_id' })
  outcomeId: string;

  /** The body first answered; a replay answers it again. */
  @Column('jsonb', { nullable: true })
  response: Record<string, unknown> | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
