import { FocusMapForce, HandoffCounts, Tally } from '@intensify/contracts';
import { FORCES } from '@intensify/reference-data';

export interface MapLine {
  exportingForce: string;
  importingForces: string[];
  status: string;
}

export interface FocusLinePlace {
  lineId: string;
  exportingForce: string;
  importingForces: string[];
}

/**
 * Per force (every one of the 44): active lines exporting from it, active lines importing into
 * it, focus lines touching it (as they ran when picked, counted once each), whether it is a
 * focus force, the week's outcomes there and its overdue hand-offs as home force.
 */
export function focusMapForces(
  lines: MapLine[],
  focusLines: FocusLinePlace[],
  focusForces: string[],
  outcomes: Record<string, Tally>,
  handoffs: Record<string, HandoffCounts>,
): Record<string, FocusMapForce> {
  const out: Record<string, FocusMapForce> = {};
  const active = lines.filter((l) => l.status === 'active');
  for (const f of FORCES) {
    out[f.code] = {
      activeLinesExporting: active.filter((l) => l.exportingForce === f.code).length,
      activeLinesImporting: active.filter((l) => l.importingForces.includes(f.code)).length,
      focusLinesTouching: focusLines.filter(
        (l) => l.exportingForce === f.code || l.importingForces.includes(f.code),
      ).length,
      focusForce: focusForces.includes(f.code),
      outcomes: outcomes[f.code],
      handoffsOverdue: handoffs[f.code].overdue,
    };
  }
  return out;
}

/** The latest event per key in a batch (by `seq`), so each row is written once. */
export function latestBy<T extends { seq: number }>(items: T[], key: (t: T) => string): T[] {
  const out = new Map<string, T>();
  for (const t of items) {
    const k = key(t);
    if ((out.get(k)?.seq ?? 0) < t.seq) out.set(k, t);
  }
  return [...out.values()].sort((a, b) => key(a).localeCompare(key(b)));
}
