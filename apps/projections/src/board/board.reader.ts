import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BoardFigures, Tally } from '@intensify/contracts';
import { FORCES, REGIONS } from '@intensify/reference-data';
import { readTaskingBoard } from '../taskings/tasking-board.reader';
import { TALLY_COLUMNS, TallyVector, addInto, toTally, zeroVector } from './tally-vector';

@Injectable()
export class BoardReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(operationId: string): Promise<BoardFigures> {
    // One snapshot for figures and counter: the board never shows a count its figures lack.
    const [rows, meta, taskings] = await this.db.transaction('REPEATABLE READ', async (m) => [
      await m.query(
        `SELECT force, ${TALLY_COLUMNS.join(', ')} FROM force_tallies WHERE operation_id = $1`,
        [operationId],
      ),
      await m.query(`SELECT events_applied, updated_at FROM board_meta WHERE operation_id = $1`, [
        operationId,
      ]),
      await readTaskingBoard(m, operationId),
    ]);
    const byForce = new Map<string, TallyVector>();
    for (const row of rows) {
      const v = zeroVector();
      for (const c of TALLY_COLUMNS) v[c] = Number(row[c]);
      byForce.set(row.force, v);
    }
    return {
      operationId,
      asOf: (meta[0]?.updated_at ?? new Date()).toISOString(),
      eventsApplied: Number(meta[0]?.events_applied ?? 0),
      ...sumUp(byForce),
      ...taskings,
    };
  }
}

/** Regions sum their forces; national sums every force, BTP included. */
export function sumUp(byForce: Map<string, TallyVector>) {
  const national = zeroVector();
  const regions = new Map(REGIONS.map((r) => [r.code as string, zeroVector()]));
  const forces: Record<string, Tally> = {};
  for (const f of FORCES) {
    const v = byForce.get(f.code) ?? zeroVector();
    forces[f.code] = toTally(v);
    addInto(national, v);
    if (f.region) addInto(regions.get(f.region)!, v);
  }
  return {
    national: toTally(national),
    regions: Object.fromEntries([...regions].map(([code, v]) => [code, toTally(v)])),
    forces,
  };
}
