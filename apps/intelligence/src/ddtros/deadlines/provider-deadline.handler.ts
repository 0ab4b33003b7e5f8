import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, DDTRO_PROVIDER_OVERDUE } from '@intensify/contracts';
import { ChangeWriter, NotYetDue } from '@intensify/messaging';
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
  constructor(private readonly writer: ChangeWriter) {}

  async run(job: ProviderDeadlineJob): Promise<ProviderDeadlineDecision> {
    const request = { actor: DEADLINES, correlationId: randomUUID() };
    return this.writer.inTransaction(request, async (ctx) => {
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
