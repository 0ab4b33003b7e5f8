import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, DDTRO_PROVIDER_OVERDUE } from '@intensify/contracts';
import { NotYetDue, TOPICS, TopicNames, writeInTransaction } from '@intensify/messaging';
import { Clock, CLOCK } from '../../clock';
import { SCHEMA } from '../../config';
import { recordDdtroChange } from '../ddtro-changes';
import { DdtroRow, lockDdtro } from '../ddtro-row';
import {
  decideProviderDeadline,
  ProviderDeadlineDecision,
  ProviderDeadlineJob,
} from './provider-deadline.rule';

/** The deadline acts for the NCLCC, the centre that co-ordinates orders. */
const DEADLINES: Actor = { sub: 'system:ddtro-deadlines', role: 'nclcc' };

/** Re-reads the order under its row lock and marks it overdue only if still due: a rerun changes nothing. */
@Injectable()
export class ProviderDeadlineHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(job: ProviderDeadlineJob): Promise<ProviderDeadlineDecision> {
    const scope = {
      schema: SCHEMA,
      topic: this.topics.intelligence,
      actor: DEADLINES,
      correlationId: randomUUID(),
      now: () => this.clock.now(),
    };
    return writeInTransaction(this.db, scope, async (ctx) => {
      const { m, now } = ctx;
      const row = await lockDdtro(m, job.ddtroId);
      const decision = decideProviderDeadline(
        job,
        { status: row.status, overdue: row.provider_overdue, deadline: row.provider_deadline },
        now,
      );
      if (decision === 'not-yet-due')
        throw new NotYetDue(`deadline of ${job.ddtroId} is not due yet`);
      if (decision === 'ignore') return decision;
      const [[after]]: [DdtroRow[], number] = await m.query(
        `UPDATE intelligence.ddtros SET provider_overdue = true, seq = seq + 1 WHERE id = $1 RETURNING *`,
        [row.id],
      );
      await recordDdtroChange(ctx, DDTRO_PROVIDER_OVERDUE, after, now);
      return decision;
    });
  }
}
