import { EntityManager } from 'typeorm';
import { Handoff } from '@intensify/contracts';
import { HandoffRow, HistoryRow, toHandoff, toHistoryEntry } from './handoff-row';

/**
 * Rows as the API shows them: with their history and the earlier hand-offs of the same subject
 * (newest first), read in two statements for any number of rows, in the caller's snapshot.
 */
export async function loadHandoffs(m: EntityManager, rows: HandoffRow[]): Promise<Handoff[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const history: HistoryRow[] = await m.query(
    `SELECT * FROM safeguarding.handoff_history WHERE handoff_id = ANY($1::uuid[])
     ORDER BY handoff_id, seq`,
    [ids],
  );
  const earlier: { of: string; id: string }[] = await m.query(
    `SELECT x.id AS of, p.id FROM safeguarding.handoffs x
     JOIN safeguarding.handoffs p ON p.subject_ref = x.subject_ref AND p.list_seq < x.list_seq
     WHERE x.id = ANY($1::uuid[]) ORDER BY p.list_seq DESC`,
    [ids],
  );
  const group = <T>(items: T[], key: (t: T) => string) => {
    const map = new Map<string, T[]>();
    for (const t of items) map.set(key(t), [...(map.get(key(t)) ?? []), t]);
    return map;
  };
  const historyOf = group(history, (h) => h.handoff_id);
  const earlierOf = group(earlier, (e) => e.of);
  return rows.map((r) =>
    toHandoff(
      r,
      (historyOf.get(r.id) ?? []).map(toHistoryEntry),
      (earlierOf.get(r.id) ?? []).map((e) => e.id),
    ),
  );
}

export async function loadHandoff(m: EntityManager, row: HandoffRow): Promise<Handoff> {
  return (await loadHandoffs(m, [row]))[0];
}
