import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTCOME_TYPES, TimelineHour } from '@intensify/contracts';

@Injectable()
export class TimelineReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Hours with outcomes, oldest first, summed over `forces` (every force when null). */
  async read(operationId: string, forces: string[] | null): Promise<TimelineHour[]> {
    const rows: { hour: Date; type: string; outcomes: string }[] = await this.db.query(
      `SELECT hour, type, sum(outcomes) AS outcomes FROM outcome_hours
       WHERE operation_id = $1 AND ($2::text[] IS NULL OR force = ANY($2))
       GROUP BY hour, type HAVING sum(outcomes) <> 0 ORDER BY hour`,
      [operationId, forces],
    );
    const hours = new Map<string, TimelineHour>();
    for (const row of rows) {
      const hour = row.hour.toISOString();
      let h = hours.get(hour);
      if (!h) {
        h = {
          hour,
          total: 0,
          ...Object.fromEntries(OUTCOME_TYPES.map((t) => [t, 0])),
        } as TimelineHour;
        hours.set(hour, h);
      }
      h[row.type as (typeof OUTCOME_TYPES)[number]] += Number(row.outcomes);
      h.total += Number(row.outcomes);
    }
    return [...hours.values()];
  }
}
