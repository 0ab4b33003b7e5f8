import { EntityManager } from 'typeorm';
import {
  DDTRO_APPLIED,
  DDTRO_GRANTED,
  DdtroEventV1,
  LINE_REGISTERED,
  LINE_UPDATED,
  LineChangedV1,
  OUTCOME_RECORDED,
  OUTCOME_RETRACTED,
  OutcomeRecordedV1,
  OutcomeRetractedV1,
} from '@intensify/contracts';
import { ReadModel } from '../read-models/read-model';
import { reportedLineDdtros } from './line-ddtros';

/**
 * Keeps both entries of a line's DDTROs: register orders (intelligence topic) and outcome flags
 * naming a register line (outcomes topic, copies already dropped). Each write is idempotent, so
 * the order of partitions does not matter; the count is made at read time.
 */
export const lineDdtros: ReadModel = {
  async apply(m, events) {
    const changed = new Set<string>();
    for (const { event } of events) {
      if (event.type === LINE_REGISTERED.type || event.type === LINE_UPDATED.type) {
        const p = event.payload as LineChangedV1;
        await m.query(
          `INSERT INTO ddtro_lines (line_id, recorded_by) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [p.lineId, p.recordedBy],
        );
      } else if (event.type === DDTRO_APPLIED.type || event.type === DDTRO_GRANTED.type) {
        const p = event.payload as DdtroEventV1;
        const column = event.type === DDTRO_APPLIED.type ? 'applied_at' : 'granted_at';
        await m.query(
          `INSERT INTO register_ddtros (ddtro_id, line_id, ${column}) VALUES ($1, $2, $3)
           ON CONFLICT (ddtro_id) DO UPDATE SET ${column} = EXCLUDED.${column}`,
          [p.ddtroId, p.lineId, p.at],
        );
        for (const id of await weeksAt(m, p.at)) changed.add(id);
      } else if (event.type === OUTCOME_RECORDED.type) {
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
        changed.add(p.operationId);
      } else if (event.type === OUTCOME_RETRACTED.type) {
        const p = event.payload as OutcomeRetractedV1;
        await forget(m, p.outcomeId);
      }
    }
    return changed;
  },
};

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
