import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FocusMap } from '@intensify/contracts';
import { BoardReader } from '../board-tallies/board-tallies.reader';
import { focusMapForces, FocusLinePlace, MapLine } from './focus-map';

/**
 * The focus map of a week: line figures from the register's events, focus from the week's
 * focus lines (before any are picked, the focus forces the week was created with), outcomes
 * and overdue hand-offs from the board's own reader.
 */
@Injectable()
export class FocusMapReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly board: BoardReader,
  ) {}

  async read(operationId: string): Promise<FocusMap> {
    const [lines, focus, op, touched] = await this.db.transaction('REPEATABLE READ', async (m) => [
      (await m.query(
        `SELECT exporting_force AS "exportingForce", importing_forces AS "importingForces", status FROM focus_map_lines`,
      )) as MapLine[],
      (await m.query(
        `SELECT line_ids::text[] AS line_ids, focus_forces, lines FROM focus_map_operations WHERE operation_id = $1`,
        [operationId],
      )) as { line_ids: string[]; focus_forces: string[]; lines: FocusLinePlace[] }[],
      (await m.query(`SELECT focus_forces FROM operations WHERE id = $1`, [operationId])) as {
        focus_forces: string[];
      }[],
      (await m.query(
        `SELECT greatest((SELECT max(updated_at) FROM focus_map_lines),
           (SELECT updated_at FROM focus_map_operations WHERE operation_id = $1)) AS at`,
        [operationId],
      )) as { at: Date | null }[],
    ]);
    const board = await this.board.read(operationId);
    const asOf = [board.asOf, touched[0]?.at?.toISOString()]
      .filter((a): a is string => !!a)
      .sort()
      .pop()!;
    const picked = focus[0];
    return {
      operationId,
      asOf,
      focusLines: picked?.line_ids ?? [],
      forces: focusMapForces(
        lines,
        picked?.lines ?? [],
        picked?.focus_forces ?? op[0]?.focus_forces ?? [],
        board.forces,
        board.handoffsByForce,
      ),
    };
  }
}
