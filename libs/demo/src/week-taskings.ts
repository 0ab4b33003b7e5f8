import { Random } from './random';

/** What a simulated force does with a tasking it receives. */
export type TaskingFate = 'completes' | 'declines' | 'stalls' | 'ignores';

export interface PlannedTasking {
  force: string;
  lineId?: string;
  priority: 'P1' | 'P2' | 'P3';
  /** Points of the week (0..1). */
  due: number;
  fate: TaskingFate;
  acknowledgeAt: number;
  startAt: number;
  completeAt: number;
}

export const DECLINE_REASON = 'Officers committed to a critical incident; request re-tasking';

/**
 * One tasking per focus force (P1 for the main exporting forces) and one per focus line. Most
 * are acknowledged within a few simulated hours and completed before they are due; some are
 * declined, some stall after starting and some are never acknowledged, so reminders, overdue
 * markers and P1 escalations appear during the demo.
 */
export function planWeekTaskings(
  random: Random,
  focusForces: readonly string[],
  focusLines: readonly { id: string; exportingForce: string }[],
  p1Forces: readonly string[],
): PlannedTasking[] {
  const targets = [
    ...focusForces.map((force) => ({ force, lineId: undefined as string | undefined })),
    ...focusLines.map((line) => ({ force: line.exportingForce, lineId: line.id })),
  ];
  return targets.map(({ force, lineId }) => {
    const due = 0.6 + random.next() * 0.35;
    const roll = random.next();
    const fate: TaskingFate =
      roll < 0.07 ? 'declines' : roll < 0.16 ? 'stalls' : roll < 0.2 ? 'ignores' : 'completes';
    const acknowledgeAt = 0.004 + random.next() * 0.04;
    const startAt = acknowledgeAt + 0.01 + random.next() * 0.08;
    const completeAt = startAt + (due - startAt) * (0.4 + random.next() * 0.55);
    return {
      force,
      lineId,
      priority: p1Forces.includes(force) || lineId ? 'P1' : random.chance(0.5) ? 'P2' : 'P3',
      due,
      fate,
      acknowledgeAt,
      startAt,
      completeAt,
    };
  });
}
