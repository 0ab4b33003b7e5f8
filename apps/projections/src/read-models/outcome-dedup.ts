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

function outcomeIdsOf(events: ConsumedEvent[]): string[] {
  return [...new Set(events.map(outcomeIdOf).filter((id): id is string => id !== null))];
}

/**
 * Loads (and locks) the state of the batch's outcomes, drops the copies, and stores the new
 * state; done once per batch, for every read model made from outcomes.
 */
export async function dropOutcomeCopies(
  m: EntityManager,
  events: ConsumedEvent[],
): Promise<ConsumedEvent[]> {
  const ids = outcomeIdsOf(events);
  if (ids.length === 0) return events;
  const rows: { outcome_id: string; version: number; retracted: boolean }[] = await m.query(
    `SELECT outcome_id, version, retracted FROM outcome_state WHERE outcome_id = ANY($1::uuid[]) FOR UPDATE`,
    [ids],
  );
  const state = new Map(
    rows.map((r) => [r.outcome_id, { version: r.version, retracted: r.retracted }]),
  );
  const fresh = freshOutcomeEvents(events, state);
  const changed = outcomeIdsOf(fresh);
  if (changed.length) {
    await m.query(
      `INSERT INTO outcome_state (outcome_id, version, retracted)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::boolean[])
       ON CONFLICT (outcome_id) DO UPDATE SET version = EXCLUDED.version, retracted = EXCLUDED.retracted`,
      [
        changed,
        changed.map((id) => state.get(id)!.version),
        changed.map((id) => state.get(id)!.retracted),
      ],
    );
  }
  return fresh;
}
