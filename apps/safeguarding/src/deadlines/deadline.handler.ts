import { Injectable } from '@nestjs/common';
import { Actor, HANDOFF_OVERDUE } from '@intensify/contracts';
import { ChangeWriter, runDeadline, WriteContext } from '@intensify/messaging';
import { recordHandoffChange } from '../handoffs/handoff-changes';
import { HandoffRow, lockHandoff, positionOf, updateHandoff } from '../handoffs/handoff-row';
import { DeadlineJob } from './deadline-jobs';
import { DeadlineDecision, decideDeadline } from './deadline.rule';
import { escalatedTo } from './escalation';

/** Deadlines act on the NCLCC's behalf: it is the NCLCC an overdue hand-off is escalated to. */
const DEADLINES: Actor = { sub: 'system:safeguarding-deadlines', role: 'nclcc' };

/** Runs an acknowledgement deadline: a hand-off still raised is marked overdue and escalated. */
@Injectable()
export class DeadlineHandler {
  constructor(private readonly writer: ChangeWriter) {}

  run(job: DeadlineJob): Promise<DeadlineDecision> {
    return runDeadline(this.writer, DEADLINES, {
      what: `the deadline of ${job.handoffId}`,
      lock: ({ m }) => lockHandoff(m, job.handoffId),
      decide: (row, now) =>
        decideDeadline(
          job,
          { status: row.status, overdue: row.overdue, deadlineSeq: row.deadline_seq },
          now,
        ),
      act: (ctx, row) => markOverdue(ctx, row),
    });
  }
}

async function markOverdue(ctx: WriteContext, row: HandoffRow): Promise<void> {
  const after = await updateHandoff(
    ctx.m,
    `UPDATE safeguarding.handoffs SET overdue = true, escalated_at = $2, seq = seq + 1,
       updated_at = $2
     WHERE id = $1 RETURNING *`,
    [row.id, ctx.now],
  );
  const to = escalatedTo(after.home_force);
  await recordHandoffChange(ctx, {
    kind: HANDOFF_OVERDUE,
    action: 'overdue',
    handoff: after,
    previous: positionOf(row),
    eventFields: { escalatedAt: ctx.now.toISOString(), escalatedTo: to },
    details: { acknowledgeBy: after.acknowledge_by.toISOString(), escalatedTo: to },
  });
}
