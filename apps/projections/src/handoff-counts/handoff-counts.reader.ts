import { EntityManager } from 'typeorm';
import { HandoffCounts } from '@intensify/contracts';
import { sumByRegion } from '../read-models/by-region';
import { HANDOFF_COLUMNS, handoffVectors, HandoffVector, toHandoffCounts } from './handoff-counts';

export interface HandoffBoard {
  handoffs: HandoffCounts;
  handoffsByRegion: Record<string, HandoffCounts>;
  handoffsByForce: Record<string, HandoffCounts>;
}

/** The board's hand-off figures, in the caller's snapshot; regions and nation sum their home forces. */
export async function readHandoffCounts(
  m: EntityManager,
  operationId: string,
): Promise<HandoffBoard> {
  const rows: (Record<string, string> & { force: string })[] = await m.query(
    `SELECT force, ${HANDOFF_COLUMNS.join(', ')} FROM handoff_counts WHERE operation_id = $1`,
    [operationId],
  );
  const byForce = new Map<string, HandoffVector>(
    rows.map((r) => [r.force, handoffVectors.fromRow(r)]),
  );
  const sums = sumByRegion(byForce, handoffVectors, toHandoffCounts);
  return {
    handoffs: sums.national,
    handoffsByRegion: sums.regions,
    handoffsByForce: sums.forces,
  };
}
