import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Outcome } from '@intensify/contracts';

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

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
