import { Injectable } from '@nestjs/common';
import {
  Actor,
  TASKING_ESCALATED,
  TASKING_OVERDUE,
  TASKING_REMINDER_DUE,
} from '@intensify/contracts';
import { ChangeWriter, runDeadline, WriteContext } from '@intensify/messaging';
import { recordTaskingChanges, TaskingChange } from '../taskings/tasking-changes';
import { lockTasking, positionOf, TaskingRow, updateTasking } from '../taskings/tasking-row';
import { DeadlineJob } from './deadline-jobs';
import { DeadlineDecision, decideDeadline } from './deadline.rule';

/** Deadlines act on the NCLCC's behalf: it is the NCLCC that tasks and escalates. */
const DEADLINES: Actor = { sub: 'system:tasking-deadlines', role: 'nclcc' };

/** Runs a tasking's deadline jobs: a reminder, or marking it overdue (a P1 is escalated too). */
@Injectable()
export class DeadlineHandler {
  constructor(private readonly writer: ChangeWriter) {}

  run(job: DeadlineJob): Promise<DeadlineDecision> {
    return runDeadline(this.writer, DEADLINES, {
      what: `${job.kind} of ${job.taskingId}`,
      lock: ({ m }) => lockTasking(m, job.taskingId),
      decide: (row, now) =>
        decideDeadline(
          job,
          {
            status: row.status,
            overdue: row.overdue,
            issueSeq: row.issue_seq,
            remindedIssueSeq: row.reminded_issue_seq,
          },
          now,
        ),
      act: (ctx, row, decision) => this.act(ctx, job, row, decision),
    });
  }

  private async act(
    ctx: WriteContext,
    job: DeadlineJob,
    row: TaskingRow,
    decision: 'remind' | 'mark-overdue',
  ): Promise<void> {
    const kinds =
      decision === 'remind'
        ? [TASKING_REMINDER_DUE]
        : row.priority === 'P1'
          ? [TASKING_OVERDUE, TASKING_ESCALATED]
          : [TASKING_OVERDUE];
    const after = await updateTasking(
      ctx.m,
      `UPDATE tasking.taskings SET
         reminded_issue_seq = CASE WHEN $2 THEN $3 ELSE reminded_issue_seq END,
         overdue = overdue OR NOT $2, seq = seq + $4, updated_at = $5
       WHERE id = $1 RETURNING *`,
      [row.id, decision === 'remind', job.issueSeq, kinds.length, ctx.now],
    );
    const changes: TaskingChange[] = kinds.map((kind, i) => ({
      kind,
      seq: row.seq + i + 1,
      tasking: after,
      previous: i === 0 ? positionOf(row) : positionOf(after),
      details: {
        issueSeq: job.issueSeq,
        ...(kind === TASKING_ESCALATED && { escalatedTo: 'nclcc' }),
      },
    }));
    await recordTaskingChanges(ctx, changes);
  }
}
