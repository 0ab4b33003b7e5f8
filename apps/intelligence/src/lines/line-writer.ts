import {
  closureErrors,
  FieldError,
  LINE_REGISTERED,
  LINE_UPDATED,
  LineChangedV1,
  LineInput,
  brandKey,
} from '@intensify/contracts';
import { randomUUID } from 'node:crypto';
import { raiseReplacementAlerts } from '../ddtros/replacement-alerts';
import { recordChanges, WriteContext } from '@intensify/messaging';
import { inputOf, LineRow } from './line-row';

export interface NewNumber {
  number: string;
  seenAt: Date;
}

export interface NumberChanges {
  add: NewNumber[];
  /** Numbers of this line the dealers stopped using, each replaced by `by`. */
  replace: { old: string; by: string }[];
}

export type SaveResult = {
  row: LineRow;
  change: 'new' | 'updated' | 'unchanged';
  fields: string[];
  addedNumbers: string[];
};

const FIELDS: (keyof LineInput)[] = [
  'brand',
  'exportingForce',
  'importingForces',
  'status',
  'closureType',
  'holderRefs',
  'riskFactors',
  'lastIntelligenceAt',
];

/** The fields whose values differ (arrays and objects compared by content, keys in any order). */
export function changedFields(before: LineInput, after: LineInput): string[] {
  return FIELDS.filter((f) => canonical(before[f]) !== canonical(after[f]));
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}

/** The desired state of an existing line after a partial change, closure rules applied. */
export function merge(before: LineInput, patch: Partial<LineInput>): LineInput {
  const after = { ...before, ...patch };
  // A patch may name some risk factors only; the others keep their stored values.
  if (patch.riskFactors) after.riskFactors = { ...before.riskFactors, ...patch.riskFactors };
  // Reopening a line drops its closure type unless one is given.
  if (after.status !== 'closed' && patch.closureType === undefined) after.closureType = null;
  return after;
}

/**
 * Problems with the numbers of a change: a number another line of the same force already
 * holds (the line would be duplicated), or a replaced number the line does not have.
 */
export async function numberErrors(
  ctx: WriteContext,
  recordedBy: string,
  lineId: string | null,
  changes: NumberChanges,
  paths: { add: (i: number) => string; replace: (i: number) => string },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const numbers = changes.add.map((n) => n.number);
  const taken: { number: string; line_id: string; brand: string }[] = numbers.length
    ? await ctx.m.query(
        `SELECT n.number, n.line_id, l.brand FROM intelligence.line_numbers n
         JOIN intelligence.lines l ON l.id = n.line_id
         WHERE n.number = ANY($1) AND l.recorded_by = $2 AND ($3::uuid IS NULL OR l.id <> $3)`,
        [numbers, recordedBy, lineId],
      )
    : [];
  for (const t of taken) {
    errors.push({
      field: paths.add(numbers.indexOf(t.number)),
      message: `is a number of line ${t.line_id} ("${t.brand}") already recorded by this force`,
    });
  }
  if (changes.replace.length) {
    const own: { number: string }[] = lineId
      ? await ctx.m.query(`SELECT number FROM intelligence.line_numbers WHERE line_id = $1`, [
          lineId,
        ])
      : [];
    const known = new Set([...own.map((o) => o.number), ...numbers]);
    changes.replace.forEach((r, i) => {
      if (!known.has(r.old))
        errors.push({ field: paths.replace(i), message: `${r.old} is not a number of this line` });
    });
  }
  return errors;
}

export function desiredErrors(d: LineInput): FieldError[] {
  return closureErrors(d.status, d.closureType);
}

/**
 * Creates or changes one line with its numbers, and records what happened: `line.registered`
 * or `line.updated` with the line as it now stands, number history, and replacement alerts
 * when a line under a DDTRO shows a new number. Nothing is written when nothing changed.
 */
export async function saveLine(
  ctx: WriteContext,
  existing: LineRow | null,
  recordedBy: string,
  desired: LineInput,
  numbers: NumberChanges,
): Promise<SaveResult> {
  const id = existing?.id ?? randomUUID();
  const fields = existing ? changedFields(inputOf(existing), desired) : [];
  if (!existing) await insertLine(ctx, id, recordedBy, desired);
  const added = await addNumbers(ctx, id, numbers.add);
  const replaced = await replaceNumbers(ctx, id, numbers.replace);
  if (added.length || replaced) fields.push('numbers');
  if (existing && fields.length === 0)
    return { row: existing, change: 'unchanged', fields, addedNumbers: [] };
  const row = existing ? await updateLine(ctx, id, desired) : await selectLine(ctx, id);
  await recordLineChange(ctx, row, existing, existing ? fields : []);
  if (existing && added.length) await raiseReplacementAlerts(ctx, row, added);
  return { row, change: existing ? 'updated' : 'new', fields, addedNumbers: added };
}

async function insertLine(ctx: WriteContext, id: string, recordedBy: string, d: LineInput) {
  await ctx.m.query(
    `INSERT INTO intelligence.lines (id, brand, brand_key, recorded_by, exporting_force, importing_forces,
       status, closure_type, risk_factors, holder_refs, last_intelligence_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
    [
      id,
      d.brand,
      brandKey(d.brand),
      recordedBy,
      ...lineFieldParams(d),
      JSON.stringify(ctx.actor),
      ctx.now,
    ],
  );
}

/** The line's own fields, in the column order both the insert and the update name them. */
function lineFieldParams(d: LineInput): unknown[] {
  return [
    d.exportingForce,
    d.importingForces,
    d.status,
    d.closureType,
    JSON.stringify(d.riskFactors),
    d.holderRefs,
    d.lastIntelligenceAt,
  ];
}

async function selectLine(ctx: WriteContext, id: string): Promise<LineRow> {
  return (await ctx.m.query(`SELECT * FROM intelligence.lines WHERE id = $1`, [id]))[0];
}

/** A line reopened forgets the outcome that had closed it. */
async function updateLine(ctx: WriteContext, id: string, d: LineInput): Promise<LineRow> {
  const [rows]: [LineRow[], number] = await ctx.m.query(
    `UPDATE intelligence.lines SET brand = $2, brand_key = $3, exporting_force = $4, importing_forces = $5,
       status = $6, closure_type = $7, risk_factors = $8, holder_refs = $9, last_intelligence_at = $10,
       seq = seq + 1, updated_at = $11,
       closed_by_outcome = CASE WHEN $6 = 'closed' THEN closed_by_outcome END
     WHERE id = $1 RETURNING *`,
    [id, d.brand, brandKey(d.brand), ...lineFieldParams(d), ctx.now],
  );
  return rows[0];
}

/** Adds the numbers the line does not have yet; a known one only moves its last-seen time. */
async function addNumbers(ctx: WriteContext, lineId: string, add: NewNumber[]): Promise<string[]> {
  if (add.length === 0) return [];
  const rows: { number: string }[] = await ctx.m.query(
    `INSERT INTO intelligence.line_numbers (line_id, number, status, first_seen_at, last_seen_at)
     SELECT $1, n, 'active', s, s FROM unnest($2::text[], $3::timestamptz[]) AS x(n, s)
     ON CONFLICT (line_id, number) DO UPDATE SET last_seen_at = GREATEST(line_numbers.last_seen_at, EXCLUDED.last_seen_at)
     RETURNING number, (xmax = 0) AS inserted`,
    [lineId, add.map((a) => a.number), add.map((a) => a.seenAt)],
  );
  const added = (rows as { number: string; inserted: boolean }[])
    .filter((r) => r.inserted)
    .map((r) => r.number);
  await history(
    ctx,
    lineId,
    added.map((number) => ({
      number,
      event: 'seen',
      at: add.find((a) => a.number === number)!.seenAt,
      details: {},
    })),
  );
  return added;
}

/** Marks active numbers replaced; returns whether any changed. */
async function replaceNumbers(
  ctx: WriteContext,
  lineId: string,
  replace: NumberChanges['replace'],
): Promise<boolean> {
  if (replace.length === 0) return false;
  const [rows]: [{ number: string; replaced_by: string }[], number] = await ctx.m.query(
    `UPDATE intelligence.line_numbers n SET status = 'replaced', replaced_by = x.b, replaced_at = $4
     FROM unnest($2::text[], $3::text[]) AS x(o, b)
     WHERE n.line_id = $1 AND n.number = x.o AND n.status = 'active' AND x.o <> x.b
     RETURNING n.number, n.replaced_by`,
    [lineId, replace.map((r) => r.old), replace.map((r) => r.by), ctx.now],
  );
  await history(
    ctx,
    lineId,
    rows.map((r) => ({
      number: r.number,
      event: 'replaced',
      at: ctx.now,
      details: { replacedBy: r.replaced_by },
    })),
  );
  return rows.length > 0;
}

export async function history(
  ctx: WriteContext,
  lineId: string,
  entries: { number: string; event: string; at: Date; details: object }[],
): Promise<void> {
  if (entries.length === 0) return;
  await ctx.m.query(
    `INSERT INTO intelligence.number_history (line_id, number, event, at, details)
     SELECT $1, n, e, a, d::jsonb FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS x(n, e, a, d)`,
    [
      lineId,
      entries.map((e) => e.number),
      entries.map((e) => e.event),
      entries.map((e) => e.at),
      entries.map((e) => JSON.stringify({ ...e.details, by: ctx.actor.sub })),
    ],
  );
}

/** `line.registered` (no previous) or `line.updated`, with the line as it stands now. */
export async function recordLineChange(
  ctx: WriteContext,
  row: LineRow,
  before: LineRow | null,
  fields: string[],
): Promise<void> {
  const [{ active }] = await ctx.m.query(
    `SELECT count(*)::int AS active FROM intelligence.line_numbers WHERE line_id = $1 AND status = 'active'`,
    [row.id],
  );
  const payload: LineChangedV1 = {
    lineId: row.id,
    seq: row.seq,
    brand: row.brand,
    recordedBy: row.recorded_by,
    exportingForce: row.exporting_force,
    importingForces: row.importing_forces,
    status: row.status,
    closureType: row.closure_type,
    riskFactors: row.risk_factors,
    activeNumbers: active,
    holderCount: row.holder_refs.length,
    lastIntelligenceAt: row.last_intelligence_at?.toISOString() ?? null,
    previous: before
      ? {
          exportingForce: before.exporting_force,
          importingForces: before.importing_forces,
          status: before.status,
        }
      : null,
    fields,
  };
  await recordChanges(ctx, [
    {
      kind: before ? LINE_UPDATED : LINE_REGISTERED,
      aggregateId: row.id,
      payload,
      audit: { details: { recordedBy: row.recorded_by, fields } },
    },
  ]);
}
