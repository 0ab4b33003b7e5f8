import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  Actor,
  TASKING_ESCALATED,
  TASKING_OVERDUE,
  TASKING_REMINDER_DUE,
} from '@intensify/contracts';
import { ChangeWriter, NotYetDue } from '@intensify/messaging';
import { recordTaskingChanges, TaskingChange } from '../taskings/tasking-changes';
import { lockTasking, positionOf, updateTasking } from '../taskings/tasking-row';
import { DeadlineJob } from './deadline-jobs';
import { DeadlineDecision, decideDeadline } from './deadline.rule';

/** Deadlines act on the NCLCC's behalf: it is the NCLCC that tasks and escalates. */
const DEADLINES: Actor = { sub: 'system:tasking-deadlines', role: 'nclcc' };

/**
 * Runs a deadline job: re-reads the tasking under its row lock and acts only if the deadline
 * still applies, writing its events through the outbox in the same transaction. A second run
 * (a retried or duplicated job) finds the work done and changes nothing.
 */
@Injectable()
export class DeadlineHandler {
  constructor(private readonly writer: ChangeWriter) {}

  async run(job: DeadlineJob): Promise<DeadlineDecision> {
    const request = { actor: DEADLINES, correlationId: randomUUID() };
    return this.writer.inTransaction(request, async (ctx) => {
      const { m, now } = ctx;
      const row = await lockTasking(m, job.taskingId);
      const decision = decideDeadline(
        job,
        {
          status: row.status,
          overdue: row.overdue,
          issueSeq: row.issue_seq,
          remindedIssueSeq: row.reminded_issue_seq,
        },
        now,
      );
      // Thrown so that the queue tries again after its backoff.
      if (decision === 'not-yet-due')
        throw new NotYetDue(`${job.kind} of ${job.taskingId} is not due yet`);
      if (decision === 'ignore') return decision;
      const kinds =
        decision === 'remind'
          ? [TASKING_REMINDER_DUE]
          : row.priority === 'P1'
            ? [TASKING_OVERDUE, TASKING_ESCALATED]
            : [TASKING_OVERDUE];
      const after = await updateTasking(
        m,
        `UPDATE tasking.taskings SET
           reminded_issue_seq = CASE WHEN $2 THEN $3 ELSE reminded_issue_seq END,
           overdue = overdue OR NOT $2, seq = seq + $4, updated_at = $5
         WHERE id = $1 RETURNING *`,
        [row.id, decision === 'remind', job.issueSeq, kinds.length, now],
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
      return decision;
    });
  }
}
