import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, HANDOFF_OVERDUE } from '@intensify/contracts';
import { ChangeWriter, NotYetDue } from '@intensify/messaging';
import { recordHandoffChange } from '../handoffs/handoff-changes';
import { lockHandoff, positionOf, updateHandoff } from '../handoffs/handoff-row';
import { DeadlineJob } from './deadline-jobs';
import { DeadlineDecision, decideDeadline } from './deadline.rule';
import { escalatedTo } from './escalation';

/** Deadlines act on the NCLCC's behalf: it is the NCLCC an overdue hand-off is escalated to. */
const DEADLINES: Actor = { sub: 'system:safeguarding-deadlines', role: 'nclcc' };

/**
 * Runs a deadline job: re-reads the hand-off under its row lock and acts only if the deadline
 * still applies, writing its event through the outbox in the same transaction. A second run
 * (a retried or duplicated job) finds the work done and changes nothing.
 */
@Injectable()
export class DeadlineHandler {
  constructor(private readonly writer: ChangeWriter) {}

  async run(job: DeadlineJob): Promise<DeadlineDecision> {
    const request = { actor: DEADLINES, correlationId: randomUUID() };
    return this.writer.inTransaction(request, async (ctx) => {
      const { m, now } = ctx;
      const row = await lockHandoff(m, job.handoffId);
      const decision = decideDeadline(
        job,
        { status: row.status, overdue: row.overdue, deadlineSeq: row.deadline_seq },
        now,
      );
      // Thrown so that the queue tries again after its backoff.
      if (decision === 'not-yet-due')
        throw new NotYetDue(`the deadline of ${job.handoffId} is not due yet`);
      if (decision === 'ignore') return decision;
      const after = await updateHandoff(
        m,
        `UPDATE safeguarding.handoffs SET overdue = true, escalated_at = $2, seq = seq + 1,
           updated_at = $2
         WHERE id = $1 RETURNING *`,
        [row.id, now],
      );
      const to = escalatedTo(after.home_force);
      const at = now.toISOString();
      await recordHandoffChange(ctx, {
        kind: HANDOFF_OVERDUE,
        action: 'overdue',
        handoff: after,
        previous: positionOf(row),
        eventFields: { escalatedAt: at, escalatedTo: to },
        details: { acknowledgeBy: after.acknowledge_by.toISOString(), escalatedTo: to },
      });
      return decision;
    });
  }
}
