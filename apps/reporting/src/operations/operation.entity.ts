import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Actor } from '@intensify/contracts';

@Entity({ name: 'operations' })
export class OperationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('text', { name: 'focus_forces', array: true })
  focusForces: string[];

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('text', { name: 'reopen_reason', nullable: true })
  reopenReason: string | null;

  @Column('jsonb', { name: 'created_by' })
  createdBy: Actor;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
