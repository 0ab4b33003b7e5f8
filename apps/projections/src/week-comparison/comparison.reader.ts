import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ComparedWeek, isUuid } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { TALLY_COLUMNS, tallyVectors } from '../board-tallies/tally-vector';
import { sumByRegion } from '../read-models/by-region';
import { comparisonFigures, comparisonVectors } from './comparison-figures';

interface WeekRow {
  id: string;
  name: string;
  starts_at: Date;
  ends_at: Date;
}

@Injectable()
export class ComparisonReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The week and every week that started before it, newest first, each over its first `hours`
   * hour-buckets (counted from the hour it started in) or, with `hours` null, whole.
   */
  async read(
    operationId: string,
    hours: number | null,
  ): Promise<{ thisWeek: ComparedWeek; earlierWeeks: ComparedWeek[] }> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const weeks: WeekRow[] = isUuid(operationId)
        ? await m.query(
            `SELECT w.id, w.name, w.starts_at, w.ends_at FROM operations w, operations this
             WHERE this.id = $1 AND (w.id = this.id OR w.starts_at < this.starts_at)
             ORDER BY w.starts_at DESC`,
            [operationId],
          )
        : [];
      const thisRow = weeks.find((w) => w.id === operationId);
      if (!thisRow) throw new ProblemError('not_found', `No operation with id ${operationId}`);
      const rows: Record<string, unknown>[] = await m.query(
        `SELECT h.operation_id, h.force, ${TALLY_COLUMNS.map((c) => `sum(h.${c}) AS ${c}`).join(', ')}
         FROM force_tally_hours h JOIN operations o ON o.id = h.operation_id
         WHERE h.operation_id = ANY($1::uuid[])
           AND ($2::int IS NULL OR h.hour < date_trunc('hour', o.starts_at) + $2::int * interval '1 hour')
         GROUP BY h.operation_id, h.force`,
        [weeks.map((w) => w.id), hours],
      );
      const compared = weeks.map((w) => toComparedWeek(w, rows));
      return { thisWeek: compared[0], earlierWeeks: compared.slice(1) };
    });
  }
}

function toComparedWeek(w: WeekRow, rows: Record<string, unknown>[]): ComparedWeek {
  const byForce = new Map(
    rows
      .filter((r) => r.operation_id === w.id)
      .map((r) => [r.force as string, comparisonFigures(tallyVectors.fromRow(r))]),
  );
  return {
    operationId: w.id,
    name: w.name,
    startsAt: w.starts_at.toISOString(),
    endsAt: w.ends_at.toISOString(),
    ...sumByRegion(byForce, comparisonVectors, (v) => ({ ...v })),
  };
}
