import { EntityManager } from 'typeorm';
import {
  OUTCOME_RECORDED,
  OUTCOME_RETRACTED,
  OutcomeRecordedV1,
  OutcomeRetractedV1,
} from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';

export interface OutcomeState {
  version: number;
  retracted: boolean;
}

/**
 * Offsets catch a message delivered twice, but not an event *published* twice (the outbox relay
 * crashed between sending and marking): that copy has a new offset. Each outcome's applied version
 * and retraction are therefore kept, and an event that does not move its outcome forward is a
 * copy and is skipped. Returns the events to apply (other events pass as they are); `state` is
 * updated to what they leave behind.
 */
export function freshOutcomeEvents(
  events: ConsumedEvent[],
  state: Map<string, OutcomeState>,
): ConsumedEvent[] {
  const fresh: ConsumedEvent[] = [];
  for (const e of events) {
    if (e.event.type === OUTCOME_RECORDED.type) {
      const p = e.event.payload as OutcomeRecordedV1;
      const s = state.get(p.outcomeId) ?? { version: 0, retracted: false };
      if (s.retracted || p.version <= s.version) continue;
      state.set(p.outcomeId, { version: p.version, retracted: false });
      fresh.push(e);
    } else if (e.event.type === OUTCOME_RETRACTED.type) {
      const p = e.event.payload as OutcomeRetractedV1;
      const s = state.get(p.outcomeId) ?? { version: p.version, retracted: false };
      if (s.retracted) continue;
      state.set(p.outcomeId, { version: Math.max(s.version, p.version), retracted: true });
      fresh.push(e);
    } else {
      fresh.push(e);
    }
  }
  return fresh;
}

function outcomeIdOf(e: ConsumedEvent): string | null {
  const t = e.event.type;
  return t === OUTCOME_RECORDED.type || t === OUTCOME_RETRACTED.type
    ? (e.event.payload as { outcomeId: string }).outcomeId
    : null;
}

/**
 * Drops the batch's outcome copies against the stored state, and stores the new state; done once
 * per batch, for every read model made from outcomes. Most outcomes of a batch are new (always,
 * in a rebuild), so their state is written first as if none were stored, in one statement that
 * inserts only where no row exists; the outcomes that had a row are then read (and locked) and
 * folded from it as before. A batch of new outcomes costs one statement, not a read and a write.
 */
export async function dropOutcomeCopies(
  m: EntityManager,
  events: ConsumedEvent[],
): Promise<ConsumedEvent[]> {
  if (!events.some((e) => outcomeIdOf(e) !== null)) return events;
  const ifNew = new Map<string, OutcomeState>();
  const freshIfNew = freshOutcomeEvents(events, ifNew);
  // One order for every batch, so concurrent batches take the rows' locks alike.
  const ids = [...ifNew.keys()].sort();
  const inserted: { outcome_id: string }[] = await m.query(
    `INSERT INTO outcome_state (outcome_id, version, retracted)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::boolean[])
     ON CONFLICT (outcome_id) DO NOTHING
     RETURNING outcome_id`,
    [ids, ids.map((id) => ifNew.get(id)!.version), ids.map((id) => ifNew.get(id)!.retracted)],
  );
  if (inserted.length === ids.length) return freshIfNew;
  // Some outcomes had a state: read it under lock and fold the batch again from it.
  const isNew = new Set(inserted.map((r) => r.outcome_id));
  const stored = ids.filter((id) => !isNew.has(id) && !isNew.has(id.toLowerCase()));
  const rows: { outcome_id: string; version: number; retracted: boolean }[] = await m.query(
    `SELECT outcome_id, version, retracted FROM outcome_state WHERE outcome_id = ANY($1::uuid[]) FOR UPDATE`,
    [stored],
  );
  const state = new Map(
    rows.map((r) => [r.outcome_id, { version: r.version, retracted: r.retracted }]),
  );
  const before = new Map(state);
  const fresh = freshOutcomeEvents(events, state);
  const changed = stored.filter((id) => state.get(id) !== before.get(id));
  if (changed.length) {
    await m.query(
      `UPDATE outcome_state s SET version = x.v, retracted = x.r
       FROM unnest($1::uuid[], $2::int[], $3::boolean[]) AS x(id, v, r)
       WHERE s.outcome_id = x.id`,
      [
        changed,
        changed.map((id) => state.get(id)!.version),
        changed.map((id) => state.get(id)!.retracted),
      ],
    );
  }
  return fresh;
}
