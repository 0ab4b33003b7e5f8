import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, dueAtError, Tasking, TaskingTransition } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { ChangeWriter } from '@intensify/messaging';
import { recordTaskingChanges } from '../../tasking-changes';
import { lockTasking, positionOf, TaskingRow, toTasking, updateTasking } from '../../tasking-row';
import { nextStatus, TRANSITIONS } from '../../tasking-state-machine';
import { TransitionTaskingCommand } from './transition-tasking.command';

const MANAGED: TaskingTransition[] = ['cancel', 'reassign'];

/**
 * Moves a tasking along the state machine under its row lock, so concurrent transitions queue
 * and each sees the state before it; an illegal one is a 409 naming the current state.
 */
@CommandHandler(TransitionTaskingCommand)
export class TransitionTaskingHandler implements ICommandHandler<TransitionTaskingCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute(cmd: TransitionTaskingCommand): Promise<Tasking> {
    const { actor, correlationId } = cmd;
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const { m, now } = ctx;
      const row = await lockTasking(m, cmd.taskingId);
      assertAllowed(cmd, row);
      const to = nextStatus(row.status, cmd.transition);
      if (!to) {
        throw new ProblemError(
          'illegal_transition',
          `Tasking ${row.id} is ${row.status}; it cannot ${cmd.transition} from there`,
          [{ field: 'status', message: `is ${row.status}` }],
        );
      }
      const previous = positionOf(row);
      const { changed, details } = this.apply(cmd, row, to, now);
      const after = await updateTasking(
        m,
        `UPDATE tasking.taskings SET status = $2, force = $3, due_at = $4, acknowledge_within_minutes = $5,
           overdue = $6, issue_seq = $7, issued_at = $8, outcome_ids = $9, decline_reason = $10,
           cancel_reason = $11, seq = seq + 1, updated_at = $12
         WHERE id = $1 RETURNING *`,
        [
          row.id,
          changed.status,
          changed.force,
          changed.due_at,
          changed.acknowledge_within_minutes,
          changed.overdue,
          changed.issue_seq,
          changed.issued_at,
          changed.outcome_ids,
          changed.decline_reason,
          changed.cancel_reason,
          now,
        ],
      );
      await recordTaskingChanges(ctx, [
        {
          kind: TRANSITIONS[cmd.transition].event,
          seq: after.seq,
          tasking: after,
          previous,
          details,
        },
      ]);
      return toTasking(after);
    });
  }

  /** The row after the transition, and the event's own fields. */
  private apply(
    { transition, input }: TransitionTaskingCommand,
    row: TaskingRow,
    to: TaskingRow['status'],
    now: Date,
  ): { changed: TaskingRow; details: Record<string, unknown> } {
    const changed = { ...row, status: to };
    const note = input.note ? { note: input.note } : {};
    const reason = input.reason ? { reason: input.reason } : {};
    switch (transition) {
      case 'complete':
        changed.outcome_ids = input.outcomeIds ?? [];
        return { changed, details: { ...note, outcomeIds: changed.outcome_ids } };
      case 'decline':
        changed.decline_reason = input.reason!;
        return { changed, details: reason };
      case 'cancel':
        changed.cancel_reason = input.reason ?? null;
        return { changed, details: reason };
      case 'reassign': {
        if (input.dueAt) {
          const late = dueAtError(input.dueAt, now);
          if (late) throw ProblemError.validation([late]);
        }
        // A new issue: new force, fresh deadlines, not overdue until its own due time passes.
        Object.assign(changed, {
          force: input.force!,
          due_at: input.dueAt ? new Date(input.dueAt) : row.due_at,
          acknowledge_within_minutes:
            input.acknowledgeWithinMinutes ?? row.acknowledge_within_minutes,
          overdue: false,
          issue_seq: row.issue_seq + 1,
          issued_at: now,
        });
        return {
          changed,
          details: {
            issueSeq: changed.issue_seq,
            issuedAt: now.toISOString(),
            acknowledgeWithinMinutes: changed.acknowledge_within_minutes,
            ...reason,
          },
        };
      }
      default:
        return { changed, details: note };
    }
  }
}

/** The scope policy decides; cancel and reassign also need the caller to be the issuer (or NCLCC). */
function assertAllowed(
  { transition, input, actor }: TransitionTaskingCommand,
  row: TaskingRow,
): void {
  const allowed = MANAGED.includes(transition)
    ? may(actor, 'tasking.manage', { force: row.force, issuerSub: row.issued_by.sub }) &&
      (transition !== 'reassign' || may(actor, 'tasking.issue', { force: input.force }))
    : may(actor, 'tasking.respond', { force: row.force });
  if (!allowed) throw forbidden(actor, transition, row);
}

function forbidden(actor: Actor, transition: TaskingTransition, row: TaskingRow): ProblemError {
  const who = `${actor.role}${actor.region ? ` (${actor.region})` : ''}${actor.force ? ` (${actor.force})` : ''}`;
  const why = MANAGED.includes(transition)
    ? 'only its issuer or the NCLCC may'
    : 'it is outside your scope to';
  return new ProblemError(
    'forbidden_scope',
    `Role ${who} may not ${transition} tasking ${row.id} for force ${row.force}: ${why} ${transition} it`,
  );
}
