import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BoardFigures, Tally } from '@intensify/contracts';
import { readHandoffCounts } from '../handoff-counts/handoff-counts.reader';
import { ByRegion, sumByRegion } from '../read-models/by-region';
import { readTaskingCounts } from '../tasking-counts/tasking-counts.reader';
import { readLineDdtros } from '../line-ddtros/line-ddtros.reader';
import { TALLY_COLUMNS, TallyVector, tallyVectors, toTally, zeroVector } from './tally-vector';

/** A board's figures: its outcome tallies, with the tasking and hand-off counts read in the same snapshot. */
@Injectable()
export class BoardReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(operationId: string): Promise<BoardFigures> {
    // One snapshot for figures and counter: the board never shows a count its figures lack.
    const [rows, meta, taskings, handoffs, lineDdtros] = await this.db.transaction(
      'REPEATABLE READ',
      async (m) => [
        await m.query(
          `SELECT force, ${TALLY_COLUMNS.join(', ')} FROM force_tallies WHERE operation_id = $1`,
          [operationId],
        ),
        await m.query(`SELECT events_applied, updated_at FROM board_meta WHERE operation_id = $1`, [
          operationId,
        ]),
        await readTaskingCounts(m, operationId),
        await readHandoffCounts(m, operationId),
        await readLineDdtros(m, operationId),
      ],
    );
    const byForce = new Map<string, TallyVector>(
      rows.map((row: { force: string }) => [row.force, tallyVectors.fromRow(row)]),
    );
    addLineDdtros(byForce, lineDdtros);
    return {
      operationId,
      asOf: (meta[0]?.updated_at ?? new Date()).toISOString(),
      eventsApplied: Number(meta[0]?.events_applied ?? 0),
      ...sumUp(byForce),
      ...taskings,
      ...handoffs,
    };
  }
}

function addLineDdtros(
  byForce: Map<string, TallyVector>,
  lineDdtros: Map<string, { applied: number; granted: number }>,
): void {
  for (const [force, d] of lineDdtros) {
    let v = byForce.get(force);
    if (!v) byForce.set(force, (v = zeroVector()));
    v.lines_ddtro_applied += d.applied;
    v.lines_ddtro_granted += d.granted;
  }
}

export function sumUp(byForce: Map<string, TallyVector>): ByRegion<Tally> {
  return sumByRegion(byForce, tallyVectors, toTally);
}
