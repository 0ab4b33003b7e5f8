import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AcknowledgeHandoffRequest,
  acknowledgeBy,
  CloseHandoffRequest,
  Handoff,
  HandoffAction,
  RedirectHandoffRequest,
} from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ChangeWriter } from '@intensify/messaging';
import { fingerprint, IdempotencyStore } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { SAFEGUARDING_ENV, SafeguardingEnv, SCHEMA } from '../../../config';
import { HandoffChange, recordHandoffChange } from '../../handoff-changes';
import { loadHandoff } from '../../handoff-loader';
import { HandoffRow, lockHandoff, positionOf, updateHandoff } from '../../handoff-row';
import { HANDOFF_RULES, nextStatus } from '../../handoff-state-machine';
import { ActOnHandoffCommand } from './act-on-handoff.command';

/** An action's key is unique per hand-off; a replay answers what the first request answered. */
const keys = new IdempotencyStore(SCHEMA, 'scope');
export const actionScope = (handoffId: string) => `handoff:${handoffId}`;

type Effect = Pick<HandoffChange, 'eventFields' | 'details'> & { changed: HandoffRow };

/**
 * Acknowledges, redirects or closes a hand-off under its row lock, so concurrent actions queue
 * and each sees the state before it; an illegal one is a 409 naming the current state.
 */
@CommandHandler(ActOnHandoffCommand)
export class ActOnHandoffHandler implements ICommandHandler<ActOnHandoffCommand, Handoff> {
  constructor(
    private readonly writer: ChangeWriter,
    @Inject(SAFEGUARDING_ENV) private readonly env: SafeguardingEnv,
  ) {}

  async execute(cmd: ActOnHandoffCommand): Promise<Handoff> {
    const { actor, correlationId, action } = cmd;
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const { m, now } = ctx;
      const row = await lockHandoff(m, cmd.handoffId);
      const scope = actionScope(row.id);
      const print = fingerprint({ action, input: cmd.input });
      const prior = await keys.claim<Handoff>(m, scope, cmd.idempotencyKey, print);
      // A replay is judged against the home force its request was sent to, which a redirect
      // has since changed; a refusal rolls the claim back with the transaction.
      const homeForce = prior ? homeForceWhenSent(prior, action) : row.home_force;
      if (!may(actor, 'handoff.act', { force: homeForce }))
        throw new ProblemError(
          'forbidden_scope',
          `Role ${actor.role} may not ${action} hand-off ${row.id}: only its home force ` +
            `${homeForce}, that force's region or the NCLCC may`,
        );
      if (prior) return prior;
      const to = nextStatus(row.status, action);
      if (!to)
        throw new ProblemError(
          'illegal_transition',
          `Hand-off ${row.id} is ${row.status}; it cannot ${action} from there`,
          [{ field: 'status', message: `is ${row.status}` }],
        );
      const { changed, eventFields, details } = this.apply(cmd, { ...row, status: to }, now);
      const after = await updateHandoff(
        m,
        `UPDATE safeguarding.handoffs SET status = $2, home_force = $3, acknowledge_by = $4,
           deadline_seq = $5, overdue = $6, owner = $7, outcome = $8, closed_at = $9,
           seq = seq + 1, updated_at = $10
         WHERE id = $1 RETURNING *`,
        [
          row.id,
          changed.status,
          changed.home_force,
          changed.acknowledge_by,
          changed.deadline_seq,
          changed.overdue,
          changed.owner,
          changed.outcome,
          changed.closed_at,
          now,
        ],
      );
      await recordHandoffChange(ctx, {
        kind: HANDOFF_RULES[action].event,
        action,
        handoff: after,
        previous: positionOf(row),
        eventFields,
        details,
      });
      const body = await loadHandoff(m, after);
      await keys.answer(m, scope, cmd.idempotencyKey, body);
      return body;
    });
  }

  /** The row after the action, the event's own fields and the history entry's details. */
  private apply({ action, input }: ActOnHandoffCommand, row: HandoffRow, now: Date): Effect {
    switch (action) {
      case 'acknowledge': {
        const { owner } = input as AcknowledgeHandoffRequest;
        // Acknowledged: no longer overdue; when it was escalated stays on record.
        return { changed: { ...row, owner, overdue: false }, details: { owner } };
      }
      case 'redirect': {
        const { homeForce, reason } = input as RedirectHandoffRequest;
        if (homeForce === row.home_force || homeForce === row.found_force)
          throw ProblemError.validation([
            {
              field: 'homeForce',
              message:
                homeForce === row.home_force
                  ? 'is already the home force'
                  : 'must differ from foundForce',
            },
          ]);
        // A new home force gets its own owner and its own deadline, counted from now.
        const deadline = acknowledgeBy(now, row.age_group, this.env.HANDOFF_HOUR_MS);
        const changed: HandoffRow = {
          ...row,
          home_force: homeForce,
          owner: null,
          overdue: false,
          acknowledge_by: deadline,
          deadline_seq: row.seq + 1,
        };
        const moved = { from: row.home_force, homeForce, acknowledgeBy: deadline.toISOString() };
        return { changed, details: { ...moved, reason } };
      }
      case 'close': {
        const { outcome, note } = input as CloseHandoffRequest;
        return {
          changed: { ...row, outcome, closed_at: now },
          eventFields: { outcome },
          details: { outcome, ...(note && { note }) },
        };
      }
    }
  }
}

/** The home force an action was sent for: a redirect's answer names the force it moved from. */
function homeForceWhenSent(answer: Handoff, action: HandoffAction): string {
  const entry = answer.history.at(-1);
  return action === 'redirect' && typeof entry?.from === 'string' ? entry.from : answer.homeForce;
}
