import { Injectable } from '@nestjs/common';
import { Actor, DDTRO_PROVIDER_OVERDUE } from '@intensify/contracts';
import { ChangeWriter, runDeadline } from '@intensify/messaging';
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

  run(job: ProviderDeadlineJob): Promise<ProviderDeadlineDecision> {
    return runDeadline(this.writer, DEADLINES, {
      what: `deadline of ${job.ddtroId}`,
      lock: ({ m }) => lockDdtro(m, job.ddtroId),
      decide: (row, now) =>
        decideProviderDeadline(
          job,
          { status: row.status, overdue: row.provider_overdue, deadline: row.provider_deadline },
          now,
        ),
      act: async (ctx, row) => {
        const [[after]]: [DdtroRow[], number] = await ctx.m.query(
          `UPDATE intelligence.ddtros SET provider_overdue = true, seq = seq + 1 WHERE id = $1 RETURNING *`,
          [row.id],
        );
        await recordDdtroChange(ctx, DDTRO_PROVIDER_OVERDUE, after, ctx.now);
      },
    });
  }
}
