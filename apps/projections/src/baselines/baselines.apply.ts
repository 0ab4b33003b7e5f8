import { BASELINE_REPORTED, BaselineReportedV1 } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { ReadModel } from '../read-models/read-model';

/** The newest version of each force-week in a batch; the store keeps the newest it has seen. */
export function latestBaselines(events: ConsumedEvent[]): BaselineReportedV1[] {
  const latest = new Map<string, BaselineReportedV1>();
  for (const { event } of events) {
    if (event.type !== BASELINE_REPORTED.type) continue;
    const p = event.payload as BaselineReportedV1;
    const key = `${p.force}|${p.isoWeek}`;
    if ((latest.get(key)?.version ?? 0) < p.version) latest.set(key, p);
  }
  return [...latest.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, p]) => p);
}

/**
 * Each force's latest figures per ISO week. A copy or an older version (published twice, read
 * late) does not replace a newer one, so replays and rebuilds leave the same rows.
 */
export const baselines: ReadModel = {
  async apply(m, events) {
    const rows = latestBaselines(events);
    if (rows.length === 0) return [];
    await m.query(
      `INSERT INTO force_week_baselines (force, iso_week, version, figures)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[])
       ON CONFLICT (force, iso_week) DO UPDATE
       SET version = EXCLUDED.version, figures = EXCLUDED.figures
       WHERE force_week_baselines.version < EXCLUDED.version`,
      [
        rows.map((r) => r.force),
        rows.map((r) => r.isoWeek),
        rows.map((r) => r.version),
        rows.map((r) => JSON.stringify(r.figures)),
      ],
    );
    // No board shows baselines: nothing to announce.
    return [];
  },
};
