import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Actor, Outcome } from '@intensify/contracts';

export interface Retraction {
  reason: string;
  at: string;
  by: Pick<Actor, 'sub' | 'role'>;
}

/** The latest version of each outcome; every version is kept in `outcome_versions`. */
@Entity({ name: 'outcomes' })
export class OutcomeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'operation_id' })
  operationId: string;

  @Column('text')
  force: string;

  @Column('text')
  type: string;

  @Column('int')
  version: number;

  @Column('jsonb')
  current: Outcome;

  @Column('timestamptz', { name: 'retracted_at', nullable: true })
  retractedAt: Date | null;

  @Column('jsonb', { nullable: true })
  retraction: Retraction | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  /** Insertion order; the listing cursor. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;
}
