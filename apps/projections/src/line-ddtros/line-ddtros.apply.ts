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
  apply: (m, events) =>
    applyByType(m, events, {
      [LINE_REGISTERED.type]: keepLine,
      [LINE_UPDATED.type]: keepLine,
      [DDTRO_APPLIED.type]: (tx, event) => keepRegisterDdtro(tx, event, 'applied_at'),
      [DDTRO_GRANTED.type]: (tx, event) => keepRegisterDdtro(tx, event, 'granted_at'),
      [DDTRO_PROVIDER_ACTIONED.type]: (tx, event) => keepRegisterDdtro(tx, event, 'actioned_at'),
      [OUTCOME_RECORDED.type]: keepReportedDdtros,
      [OUTCOME_RETRACTED.type]: (tx, event) =>
        forget(tx, (event.payload as OutcomeRetractedV1).outcomeId),
    }),
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

async function keepReportedDdtros(m: EntityManager, event: EventEnvelope): Promise<string[]> {
  const p = event.payload as OutcomeRecordedV1;
  const reported = reportedLineDdtros(p.current);
  if (reported) {
    await m.query(
      `INSERT INTO reported_line_ddtros (outcome_id, operation_id, line_id, force, applied, granted)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (outcome_id) DO UPDATE SET line_id = EXCLUDED.line_id, force = EXCLUDED.force,
         applied = EXCLUDED.applied, granted = EXCLUDED.granted`,
      [
        p.outcomeId,
        p.operationId,
        reported.lineId,
        p.current.force,
        reported.applied,
        reported.granted,
      ],
    );
  } else if (p.previous) {
    await forget(m, p.outcomeId);
  }
  return [p.operationId];
}

async function forget(m: EntityManager, outcomeId: string): Promise<void> {
  await m.query(`DELETE FROM reported_line_ddtros WHERE outcome_id = $1`, [outcomeId]);
}

/** The weeks a register order's date falls in: their boards change with it. */
async function weeksAt(m: EntityManager, at: string): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM operations WHERE starts_at <= $1 AND ends_at >= $1`,
    [at],
  );
  return rows.map((r) => r.id);
}
