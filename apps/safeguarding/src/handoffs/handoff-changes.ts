import { HandoffEventV1, HandoffHistoryEntry, HandoffPosition } from '@intensify/contracts';
import { recordChanges, WriteContext } from '@intensify/messaging';
import { actorOf, HandoffRow, positionOf } from './handoff-row';

/** What a history entry may hold that names or describes a person: never on the event or audit. */
export const PERSONAL_DETAILS = ['owner', 'note', 'reason'] as const;

/** One event of a hand-off: `handoff` is the row as it stands after it. */
export interface HandoffChange {
  kind: { type: string; version: number };
  action: HandoffHistoryEntry['action'];
  handoff: HandoffRow;
  previous: HandoffPosition | null;
  /** The event's own fields beyond the common ones (concerns, outcome, escalatedTo…). */
  eventFields?: Record<string, unknown>;
  /** The history entry's details: event fields and what stays here (owner, note, reason). */
  details?: Record<string, unknown>;
}

/**
 * Records a change already made to the row: an event without any person in the outbox, a
 * history entry with the details, and an audit record of who did what (no person or free text
 * either, so retention has only the hand-off's own rows to erase), all in the caller's
 * transaction. `seq` is the row's, so the row must have been updated first.
 */
export async function recordHandoffChange(ctx: WriteContext, c: HandoffChange): Promise<void> {
  const h = c.handoff;
  const payload: HandoffEventV1 = {
    handoffId: h.id,
    operationId: h.operation_id,
    seq: h.seq,
    foundForce: h.found_force,
    ageGroup: h.age_group,
    acknowledgeBy: h.acknowledge_by.toISOString(),
    ...positionOf(h),
    previous: c.previous,
    ...c.eventFields,
  };
  await recordChanges(ctx, [
    {
      kind: c.kind,
      aggregateId: h.id,
      payload,
      audit: {
        operationId: h.operation_id,
        details: {
          foundForce: h.found_force,
          homeForce: h.home_force,
          status: h.status,
          ...withoutPersonalDetails(c.details),
        },
      },
    },
  ]);
  await ctx.m.query(
    `INSERT INTO safeguarding.handoff_history (handoff_id, seq, action, at, actor, details)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [
      h.id,
      h.seq,
      c.action,
      ctx.now,
      JSON.stringify(actorOf(ctx.actor)),
      JSON.stringify(c.details ?? {}),
    ],
  );
}

export function withoutPersonalDetails(details: Record<string, unknown> = {}) {
  return Object.fromEntries(
    Object.entries(details).filter(([k]) => !(PERSONAL_DETAILS as readonly string[]).includes(k)),
  );
}
