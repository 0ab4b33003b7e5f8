import { EntityManager } from 'typeorm';
import {
  DDTRO_APPLIED,
  DDTRO_GRANTED,
  DDTRO_PROVIDER_ACTIONED,
  EventEnvelope,
  isTaskingEvent,
  LINE_REGISTERED,
  LINE_UPDATED,
  LineChangedV1,
  Outcome,
  OUTCOME_RECORDED,
  OUTCOME_RETRACTED,
  OutcomeRecordedV1,
  OutcomeRetractedV1,
  TASKING_ISSUED,
  TaskingEventV1,
  TaskingIssuedV1,
} from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { ReadModel } from '../read-models/read-model';
import { applyByType } from '../read-models/apply-by-type';
import { latestBy } from '../focus-map/focus-map';
import { registerLineId } from './focus-line-results';

/**
 * What the focus-line results are read from: every line version (with when), the outcomes and
 * taskings that name a register line (the orders' dates are line-ddtros' register_ddtros). Each row is keyed by its
 * aggregate and moves only forward, so copies and any order of partitions leave the same rows.
 */
export const focusLineResults: ReadModel = {
  async apply(m, events) {
    const changed = await applyByType(m, events, {
      [OUTCOME_RECORDED.type]: keepOutcome,
      [OUTCOME_RETRACTED.type]: retractOutcome,
    });
    for (const id of await keepTaskings(m, events)) changed.add(id);
    const registerChanged =
      (await keepLineHistory(m, events)) +
      events.filter(({ event }) => DDTRO_EVENTS.has(event.type)).length;
    if (registerChanged) for (const id of await openFocusWeeks(m)) changed.add(id);
    return changed;
  },
};

async function keepLineHistory(m: EntityManager, events: ConsumedEvent[]): Promise<number> {
  const versions = events
    .filter(({ event }) => event.type === LINE_REGISTERED.type || event.type === LINE_UPDATED.type)
    .map(({ event }) => ({ p: event.payload as LineChangedV1, at: event.occurredAt }));
  if (versions.length === 0) return 0;
  await m.query(
    `INSERT INTO focus_line_history (line_id, seq, at, brand, status, closure_type)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (line_id, seq) DO NOTHING`,
    [
      versions.map((v) => v.p.lineId),
      versions.map((v) => v.p.seq),
      versions.map((v) => v.at),
      versions.map((v) => v.p.brand),
      versions.map((v) => v.p.status),
      versions.map((v) => v.p.closureType),
    ],
  );
  return versions.length;
}

/** Register orders change what a focus line shows; line-ddtros keeps their dates. */
const DDTRO_EVENTS = new Set<string>([
  DDTRO_APPLIED.type,
  DDTRO_GRANTED.type,
  DDTRO_PROVIDER_ACTIONED.type,
]);

/**
 * Outcome copies were dropped before (outcome-dedup), so each event here moves its outcome on.
 * Only outcomes that name a register line, now or before, are kept.
 */
async function keepOutcome(m: EntityManager, { payload }: EventEnvelope): Promise<string[]> {
  const p = payload as OutcomeRecordedV1;
  const lineId = registerLineId(p.current.lineId);
  if (!lineId && !registerLineId(p.previous?.lineId)) return [];
  await upsertOutcome(m, p, lineId);
  return [p.operationId];
}

async function retractOutcome(m: EntityManager, { payload }: EventEnvelope): Promise<string[]> {
  const p = payload as OutcomeRetractedV1;
  const rows: unknown[] = await m.query(
    `UPDATE focus_line_outcomes SET retracted = true, version = greatest(version, $2)
     WHERE outcome_id = $1 RETURNING outcome_id`,
    [p.outcomeId, p.version],
  );
  return rows.length ? [p.operationId] : [];
}

async function upsertOutcome(
  m: EntityManager,
  p: OutcomeRecordedV1,
  lineId: string | null,
): Promise<void> {
  const o: Outcome = p.current;
  const line = o.type === 'line' ? o : null;
  await m.query(
    `INSERT INTO focus_line_outcomes
       (outcome_id, operation_id, version, line_id, force, type, action, ddtro_applied, ddtro_granted)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (outcome_id) DO UPDATE SET version = EXCLUDED.version, line_id = EXCLUDED.line_id,
       force = EXCLUDED.force, type = EXCLUDED.type, action = EXCLUDED.action,
       ddtro_applied = EXCLUDED.ddtro_applied, ddtro_granted = EXCLUDED.ddtro_granted
     WHERE focus_line_outcomes.version < EXCLUDED.version AND NOT focus_line_outcomes.retracted`,
    [
      p.outcomeId,
      p.operationId,
      p.version,
      lineId,
      o.force,
      o.type,
      line?.action ?? null,
      line?.ddtroApplied ?? 0,
      line?.ddtroGranted ?? 0,
    ],
  );
}

/**
 * A tasking names its line when issued; its later events move its position, skipped when not
 * newer than the kept `seq`.
 */
async function keepTaskings(m: EntityManager, events: ConsumedEvent[]): Promise<string[]> {
  const all = events.filter(({ event }) => isTaskingEvent(event.type));
  if (all.length === 0) return [];
  for (const { event } of all) {
    if (event.type !== TASKING_ISSUED.type) continue;
    const p = event.payload as TaskingIssuedV1;
    const lineId = registerLineId(p.lineId);
    if (!lineId) continue;
    await m.query(
      `INSERT INTO focus_line_taskings (tasking_id, operation_id, line_id, seq, force, status, overdue)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tasking_id) DO NOTHING`,
      [p.taskingId, p.operationId, lineId, p.seq, p.force, p.status, p.overdue],
    );
  }
  const latest = latestBy(
    all.map(({ event }) => event.payload as TaskingEventV1),
    (t) => t.taskingId,
  );
  const rows: { operation_id: string }[] = await m.query(
    `UPDATE focus_line_taskings t SET seq = x.s, force = x.f, status = x.st, overdue = x.o
     FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::boolean[]) AS x(id, s, f, st, o)
     WHERE t.tasking_id = x.id AND t.seq < x.s
     RETURNING t.operation_id`,
    [
      latest.map((t) => t.taskingId),
      latest.map((t) => t.seq),
      latest.map((t) => t.force),
      latest.map((t) => t.status),
      latest.map((t) => t.overdue),
    ],
  );
  const issued = all
    .filter(({ event }) => event.type === TASKING_ISSUED.type)
    .map(({ event }) => event.payload as TaskingIssuedV1)
    .filter((p) => registerLineId(p.lineId));
  return [...new Set([...rows.map((r) => r.operation_id), ...issued.map((p) => p.operationId)])];
}

/** A register change may move any open week's results: their boards are announced. */
async function openFocusWeeks(m: EntityManager): Promise<string[]> {
  const rows: { operation_id: string }[] = await m.query(
    `SELECT f.operation_id FROM focus_map_operations f
     LEFT JOIN operations o ON o.id = f.operation_id WHERE o.closed_at IS NULL`,
  );
  return rows.map((r) => r.operation_id);
}
