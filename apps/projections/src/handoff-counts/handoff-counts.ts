import { HandoffCounts, HandoffEventV1, HandoffPosition } from '@intensify/contracts';
import { ColumnVector, columnVectors } from '../read-models/column-vector';

export const HANDOFF_COLUMNS = ['raised', 'acknowledged', 'closed', 'overdue'] as const;
export const handoffVectors = columnVectors(HANDOFF_COLUMNS);
export const { zero: zeroHandoffCounts, add: addHandoffCounts } = handoffVectors;
export type HandoffVector = ColumnVector<(typeof HANDOFF_COLUMNS)[number]>;

/** A hand-off that counts on a board: one raised in a week. */
export type WeekHandoffEvent = HandoffEventV1 & { operationId: string };

export function isWeekHandoff(e: HandoffEventV1): e is WeekHandoffEvent {
  return e.operationId !== null;
}

/** What one hand-off in this position adds to its home force: its status, and overdue while raised. */
export function positionCounts(p: HandoffPosition): HandoffVector {
  const v = zeroHandoffCounts();
  v[p.status] = 1;
  v.overdue = p.overdue && p.status === 'raised' ? 1 : 0;
  return v;
}

/**
 * Per operation and home force, the change a batch makes: each event adds where the hand-off
 * stands now and takes away where it stood before (a redirect at the old home force), so the
 * fold is a plain sum and any order gives the same counts.
 */
export function foldHandoffEvents(
  events: WeekHandoffEvent[],
): Map<string, Map<string, HandoffVector>> {
  const out = new Map<string, Map<string, HandoffVector>>();
  const at = (operationId: string, force: string) => {
    let forces = out.get(operationId);
    if (!forces) out.set(operationId, (forces = new Map()));
    let v = forces.get(force);
    if (!v) forces.set(force, (v = zeroHandoffCounts()));
    return v;
  };
  for (const e of events) {
    addHandoffCounts(at(e.operationId, e.homeForce), positionCounts(e));
    if (e.previous) {
      addHandoffCounts(at(e.operationId, e.previous.homeForce), positionCounts(e.previous), -1);
    }
  }
  return out;
}

/**
 * A hand-off's events carry increasing `seq`; one at or below the last applied is a copy (the
 * outbox relay republishes after a crash) and is skipped. `applied` is updated as events are taken.
 */
export function freshHandoffEvents<E extends HandoffEventV1>(
  events: E[],
  applied: Map<string, number>,
): E[] {
  return events.filter((e) => {
    if (e.seq <= (applied.get(e.handoffId) ?? 0)) return false;
    applied.set(e.handoffId, e.seq);
    return true;
  });
}

export function toHandoffCounts(v: HandoffVector): HandoffCounts {
  return { raised: v.raised, acknowledged: v.acknowledged, closed: v.closed, overdue: v.overdue };
}
