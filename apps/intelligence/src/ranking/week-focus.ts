import { EntityManager } from 'typeorm';
import {
  FocusForceOverride,
  FocusLines,
  FocusLinesSetV2,
  OPERATION_FOCUS_LINES_SET_V2,
  effectiveFocusForces,
} from '@intensify/contracts';
import { Change, WriteContext, recordChanges } from '@intensify/messaging';

/** A week's focus as the register keeps it: lines, where they ran when picked, their forces. */
export interface WeekFocus {
  lineIds: string[];
  lineForces: string[];
  lines: FocusLinesSetV2['lines'];
}

type Standing = Pick<FocusForceOverride, 'force' | 'focus' | 'reasonCode'>;

interface FocusRow {
  line_ids: string[];
  line_forces: string[];
  lines: FocusLinesSetV2['lines'];
  focus_forces: string[];
  seq: number;
  set_at: Date;
}

/** The week's focus row under a row lock (null before anything was set), for a change to it. */
export async function lockWeekFocus(m: EntityManager, operationId: string) {
  const [row] = (await m.query(
    `SELECT line_ids::text[] AS line_ids, line_forces, lines, focus_forces, seq, set_at
     FROM intelligence.operation_focus WHERE operation_id = $1 FOR UPDATE`,
    [operationId],
  )) as FocusRow[];
  return row ?? null;
}

/** Each force's latest override for the week, by force. */
export async function standingOverrides(
  m: EntityManager,
  operationId: string,
): Promise<Standing[]> {
  return m.query(
    `SELECT DISTINCT ON (force) force, focus, reason_code AS "reasonCode"
     FROM intelligence.focus_force_overrides WHERE operation_id = $1
     ORDER BY force, id DESC`,
    [operationId],
  );
}

/**
 * Writes the week's focus (its lines, and the forces they touch with the standing overrides
 * applied) and publishes it as `operation.focus-lines-set` v2 with the next `seq`, unless
 * nothing changed (`changed` says the caller changed something the row does not hold). `audit`
 * names what the caller changed, the week's focus forces added: an override's reason stays in
 * its details, never in the payload.
 */
export async function publishWeekFocus(
  ctx: WriteContext,
  operationId: string,
  focus: WeekFocus,
  audit: NonNullable<Change['audit']>,
  changed: boolean,
): Promise<FocusLines> {
  const { m, now } = ctx;
  const known = await lockWeekFocus(m, operationId);
  const overrides = await standingOverrides(m, operationId);
  const focusForces = effectiveFocusForces(focus.lineForces, overrides);
  const same =
    known &&
    !changed &&
    sameSet(known.line_ids, focus.lineIds) &&
    sameSet(known.line_forces, focus.lineForces) &&
    sameSet(known.focus_forces, focusForces);
  if (same) return answer(operationId, focus, focusForces, known.set_at);
  const seq = (known?.seq ?? 0) + 1;
  await m.query(
    `INSERT INTO intelligence.operation_focus
       (operation_id, line_ids, line_forces, lines, focus_forces, seq, set_by, set_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (operation_id) DO UPDATE SET line_ids = $2, line_forces = $3, lines = $4,
       focus_forces = $5, seq = $6, set_by = $7, set_at = $8`,
    [
      operationId,
      focus.lineIds,
      focus.lineForces,
      JSON.stringify(focus.lines),
      focusForces,
      seq,
      JSON.stringify(ctx.actor),
      now,
    ],
  );
  const payload: FocusLinesSetV2 = {
    operationId,
    seq,
    lineIds: focus.lineIds,
    focusForces,
    lines: focus.lines,
    overrides,
  };
  await recordChanges(ctx, [
    {
      kind: OPERATION_FOCUS_LINES_SET_V2,
      aggregateId: operationId,
      payload,
      audit: { ...audit, details: { ...audit.details, focusForces } },
    },
  ]);
  return answer(operationId, focus, focusForces, now);
}

const answer = (operationId: string, f: WeekFocus, focusForces: string[], at: Date) => ({
  operationId,
  lineIds: f.lineIds,
  focusForces,
  lineForces: f.lineForces,
  setAt: at.toISOString(),
});

function sameSet(a: string[], b: string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}
