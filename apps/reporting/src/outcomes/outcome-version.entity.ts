import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Actor, Outcome } from '@intensify/contracts';

/** History is never edited: each correction is a new row. */
@Entity({ name: 'outcome_versions' })
export class OutcomeVersionEntity {
  @PrimaryColumn('uuid', { name: 'outcome_id' })
  outcomeId: string;

  @PrimaryColumn('int')
  version: number;

  @Column('jsonb')
  body: Outcome;

  @Column('jsonb')
  actor: Actor;

  @Column('text', { name: 'correlation_id' })
  correlationId: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
