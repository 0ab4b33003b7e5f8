import { isUuid, Outcome } from '@intensify/contracts';

/** What an outcome says about a register line's DDTROs, if it names one (free text never does). */
export function reportedLineDdtros(
  o: Outcome,
): { lineId: string; applied: number; granted: number } | null {
  if (o.type !== 'line' || !o.lineId || !isUuid(o.lineId)) return null;
  if (!o.ddtroApplied && !o.ddtroGranted) return null;
  return {
    lineId: o.lineId.toLowerCase(),
    applied: Number(o.ddtroApplied),
    granted: Number(o.ddtroGranted),
  };
}

/** One register line's DDTROs in one week, as each way of entering them tells it. */
export interface LineWeek {
  force: string;
  register: { applied: number; granted: number };
  reported: { applied: number; granted: number };
}

/**
 * The rule that counts a DDTRO once however it was entered: per line and week, the register's
 * orders and the outcomes' flags describe the same orders, so the larger of the two counts
 * (a register entry and a flag for the same order give 1, not 2; a flag with no register entry
 * still counts). Credited to the force that records the line. Answers per force.
 */
export function countLineDdtros(
  lines: LineWeek[],
): Map<string, { applied: number; granted: number }> {
  const byForce = new Map<string, { applied: number; granted: number }>();
  for (const l of lines) {
    const f = byForce.get(l.force) ?? { applied: 0, granted: 0 };
    f.applied += Math.max(l.register.applied, l.reported.applied);
    f.granted += Math.max(l.register.granted, l.reported.granted);
    byForce.set(l.force, f);
  }
  return byForce;
}
