import { EntityManager } from 'typeorm';
import {
  DDTRO_APPLIED,
  DDTRO_GRANTED,
  DDTRO_PROVIDER_ACTIONED,
  DdtroEventV1,
  EventEnvelope,
  LINE_REGISTERED,
  LINE_UPDATED,
  LineChangedV1,
  OUTCOME_RECORDED,
  OUTCOME_RETRACTED,
  OutcomeRecordedV1,
  OutcomeRetractedV1,
} from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { ReadModel } from '../read-models/read-model';
import { applyByType } from '../read-models/apply-by-type';
import { reportedLineDdtros } from './line-ddtros';

/**
 * Keeps both entries of a line's DDTROs: register orders with their dates (intelligence topic;
 * focus-line results read them too) and outcome flags
 * naming a register line (outcomes topic, copies already dropped). Each write is idempotent, so
 * the order of partitions does not matter; the count is made at read time.
 */
export const lineDdtros: ReadModel = {
  async apply(m, events) {
    const changed = await applyByType(m, events, {
      [LINE_REGISTERED.type]: keepLine,
      [LINE_UPDATED.type]: keepLine,
      [DDTRO_APPLIED.type]: (tx, event) => keepRegisterDdtro(tx, event, 'applied_at'),
      [DDTRO_GRANTED.type]: (tx, event) => keepRegisterDdtro(tx, event, 'granted_at'),
      [DDTRO_PROVIDER_ACTIONED.type]: (tx, event) => keepRegisterDdtro(tx, event, 'actioned_at'),
    });
    for (const id of await keepReportedDdtros(m, events)) changed.add(id);
    return changed;
  },
};

async function keepLine(m: EntityManager, event: EventEnvelope): Promise<void> {
  const p = event.payload as LineChangedV1;
  await m.query(
    `INSERT INTO ddtro_lines (line_id, recorded_by) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [p.lineId, p.recordedBy],
  );
}

async function keepRegisterDdtro(
  m: EntityManager,
  event: EventEnvelope,
  column: 'applied_at' | 'granted_at' | 'actioned_at',
): Promise<string[]> {
  const p = event.payload as DdtroEventV1;
  // Each date is set by its own event once; a copy sets the same date again.
  await m.query(
    `INSERT INTO register_ddtros (ddtro_id, line_id, ${column}) VALUES ($1, $2, $3)
     ON CONFLICT (ddtro_id) DO UPDATE SET ${column} = coalesce(register_ddtros.${column}, EXCLUDED.${column})`,
    [p.ddtroId, p.lineId, p.at],
  );
  return weeksAt(m, p.at);
}

/**
 * Outcome flags, one statement for the batch's upserts and one for its deletions: an outcome's
 * last event in the batch decides its row (it names a register line and reports DDTROs: kept;
 * a later version that does not, or a retraction: gone). A first version without them has no
 * row to remove. One statement per correction was the rebuild's largest count of round trips.
 */
async function keepReportedDdtros(m: EntityManager, events: ConsumedEvent[]): Promise<string[]> {
  const last = new Map<string, ReportedRow | null>();
  const operations = new Set<string>();
  for (const { event } of events) {
    if (event.type === OUTCOME_RECORDED.type) {
      const p = event.payload as OutcomeRecordedV1;
      operations.add(p.operationId);
      const reported = reportedLineDdtros(p.current);
      if (reported) last.set(p.outcomeId, { p, ...reported });
      else if (p.previous || last.has(p.outcomeId)) last.set(p.outcomeId, null);
    } else if (event.type === OUTCOME_RETRACTED.type) {
      last.set((event.payload as OutcomeRetractedV1).outcomeId, null);
    }
  }
  if (last.size === 0) return [...operations];
  // One order for every batch, so concurrent batches take the rows' locks alike.
  const ids = [...last.keys()].sort();
  const gone = ids.filter((id) => last.get(id) === null);
  const kept = ids.map((id) => last.get(id)).filter((r): r is ReportedRow => r != null);
  if (gone.length) {
    await m.query(`DELETE FROM reported_line_ddtros WHERE outcome_id = ANY($1::uuid[])`, [gone]);
  }
  if (kept.length) {
    await m.query(
      `INSERT INTO reported_line_ddtros (outcome_id, operation_id, line_id, force, applied, granted)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::int[])
       ON CONFLICT (outcome_id) DO UPDATE SET line_id = EXCLUDED.line_id, force = EXCLUDED.force,
         applied = EXCLUDED.applied, granted = EXCLUDED.granted`,
      [
        kept.map((r) => r.p.outcomeId),
        kept.map((r) => r.p.operationId),
        kept.map((r) => r.lineId),
        kept.map((r) => r.p.current.force),
        kept.map((r) => r.applied),
        kept.map((r) => r.granted),
      ],
    );
  }
  return [...operations];
}

interface ReportedRow {
  p: OutcomeRecordedV1;
  lineId: string;
  applied: number;
  granted: number;
}

/** The weeks a register order's date falls in: their boards change with it. */
async function weeksAt(m: EntityManager, at: string): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM operations WHERE starts_at <= $1 AND ends_at >= $1`,
    [at],
  );
  return rows.map((r) => r.id);
}
