import {
  ClosureType,
  FOCUS_SCORE_WEIGHTS,
  FocusForceScore,
  FocusLineResult,
  FocusLineResults,
  FocusNetwork,
  LineAction,
  LineStatus,
  LineStatusAt,
  OUTCOME_TYPES,
  OutcomeType,
  TASKING_STATUSES,
  TaskingStatus,
} from '@intensify/contracts';

/** One line event as kept: the line's status after it, and when the register changed. */
export interface LineVersion {
  lineId: string;
  seq: number;
  at: string;
  brand: string;
  status: LineStatus;
  closureType: ClosureType | null;
}

/** The latest live version of an outcome of the week that names a line. */
export interface LineOutcome {
  lineId: string;
  force: string;
  type: OutcomeType;
  action: LineAction | null;
  ddtroApplied: number;
  ddtroGranted: number;
}

export interface LineTasking {
  taskingId: string;
  lineId: string;
  force: string;
  status: TaskingStatus;
  overdue: boolean;
}

export interface LineDdtro {
  lineId: string;
  appliedAt: string | null;
  grantedAt: string | null;
  actionedAt: string | null;
}

export interface FocusResultsInput {
  operationId: string;
  asOf: string;
  startsAt: string | null;
  endsAt: string | null;
  /** The week's focus lines as picked, with where each ran then. */
  focus: { lineId: string; exportingForce: string; importingForces: string[] }[];
  network: FocusNetwork['lines'];
  history: LineVersion[];
  outcomes: LineOutcome[];
  taskings: LineTasking[];
  ddtros: LineDdtro[];
}

const DISRUPTIVE: readonly (LineAction | null)[] = ['disrupted', 'closed-type1', 'closed-type2'];
const CLOSING: readonly (LineAction | null)[] = ['closed-type1', 'closed-type2'];
const ACTION_KEYS: Record<LineAction, keyof NonNullable<FocusLineResult['outcomes']>['byAction']> =
  {
    identified: 'identified',
    disrupted: 'disrupted',
    'closed-type1': 'closedType1',
    'closed-type2': 'closedType2',
  };

/** The line's status as of `at` (its last version then); null when not yet registered. */
export function statusAt(versions: LineVersion[], at: string | null): LineStatusAt | null {
  const until = at ? Date.parse(at) : Infinity;
  let found: LineVersion | null = null;
  for (const v of versions) {
    if (Date.parse(v.at) <= until && (!found || v.seq > found.seq)) found = v;
  }
  return found ? { status: found.status, closureType: found.closureType } : null;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

function within(at: string | null, start: string | null, end: string | null): boolean {
  if (!at) return false;
  const t = Date.parse(at);
  return (!start || t >= Date.parse(start)) && (!end || t <= Date.parse(end));
}

/**
 * What happened to each focus line of a week and to the other lines of its holders, and each
 * force's part in it. Pure: the same rows give the same results, whatever order they came in.
 */
export function focusLineResults(input: FocusResultsInput): FocusLineResults {
  const { startsAt, endsAt } = input;
  const history = groupBy(input.history, (v) => v.lineId);
  const outcomes = groupBy(input.outcomes, (o) => o.lineId);
  const taskings = groupBy(input.taskings, (t) => t.lineId);
  const ddtros = groupBy(input.ddtros, (d) => d.lineId);
  const network = new Map(input.network.map((n) => [n.lineId, n]));
  const focusIds = new Set(input.focus.map((f) => f.lineId));

  const closedOnRegister = (lineId: string) => {
    const versions = history.get(lineId) ?? [];
    return (
      statusAt(versions, startsAt)?.status !== 'closed' &&
      statusAt(versions, endsAt)?.status === 'closed'
    );
  };
  const outcomeWith = (lineId: string, actions: readonly (LineAction | null)[]) =>
    (outcomes.get(lineId) ?? []).some((o) => actions.includes(o.action));
  const disrupted = (id: string) => outcomeWith(id, DISRUPTIVE) || closedOnRegister(id);
  const closed = (id: string) => outcomeWith(id, CLOSING) || closedOnRegister(id);

  const focusLines = input.focus.map((f): FocusLineResult => {
    const versions = history.get(f.lineId) ?? [];
    const latest = versions.reduce<LineVersion | null>(
      (a, v) => (a && a.seq > v.seq ? a : v),
      null,
    );
    const lineTaskings = taskings.get(f.lineId) ?? [];
    const lineOutcomes = outcomes.get(f.lineId) ?? [];
    const lineDdtros = ddtros.get(f.lineId) ?? [];
    const others = network.get(f.lineId)?.otherLineIds ?? [];
    const byAction = { identified: 0, disrupted: 0, closedType1: 0, closedType2: 0 };
    for (const o of lineOutcomes) if (o.action) byAction[ACTION_KEYS[o.action]] += 1;
    const cutOff = lineDdtros.filter((d) => within(d.actionedAt, startsAt, endsAt)).length;
    return {
      lineId: f.lineId,
      exportingForce: f.exportingForce,
      importingForces: f.importingForces,
      withheld: false,
      brand: latest?.brand ?? '',
      statusAtStart: statusAt(versions, startsAt),
      statusNow: latest ? { status: latest.status, closureType: latest.closureType } : null,
      closedDuringWeek: closedOnRegister(f.lineId),
      disrupted: disrupted(f.lineId),
      closed: closed(f.lineId),
      taskings: {
        total: lineTaskings.length,
        byStatus: Object.fromEntries(
          TASKING_STATUSES.map((s) => [s, lineTaskings.filter((t) => t.status === s).length]),
        ) as Record<TaskingStatus, number>,
        overdue: lineTaskings.filter((t) => t.overdue).length,
        items: [...lineTaskings]
          .sort((a, b) => a.force.localeCompare(b.force) || a.taskingId.localeCompare(b.taskingId))
          .map((t) => ({ id: t.taskingId, force: t.force, status: t.status, overdue: t.overdue })),
      },
      outcomes: {
        count: lineOutcomes.length,
        byType: Object.fromEntries(
          OUTCOME_TYPES.map((t) => [t, lineOutcomes.filter((o) => o.type === t).length]),
        ) as Record<OutcomeType, number>,
        byAction,
        ddtroApplied: lineOutcomes.reduce((n, o) => n + o.ddtroApplied, 0),
        ddtroGranted: lineOutcomes.reduce((n, o) => n + o.ddtroGranted, 0),
      },
      ddtros: {
        applied: lineDdtros.filter((d) => within(d.appliedAt, startsAt, endsAt)).length,
        granted: lineDdtros.filter((d) => within(d.grantedAt, startsAt, endsAt)).length,
        providerActioned: cutOff,
      },
      numbersCutOff: cutOff,
      holders: {
        count: network.get(f.lineId)?.holderCount ?? 0,
        otherLines: others.length,
        otherLinesDisrupted: others.filter(disrupted).length,
        otherLinesClosed: others.filter(closed).length,
      },
    };
  });

  // By brand, as a reader looks a line up (ties by id, so the order is stable).
  focusLines.sort((a, b) => a.brand!.localeCompare(b.brand!) || a.lineId.localeCompare(b.lineId));

  const holderLines = [
    ...new Set(input.network.flatMap((n) => (focusIds.has(n.lineId) ? n.otherLineIds : []))),
  ].filter((id) => !focusIds.has(id));

  return {
    operationId: input.operationId,
    asOf: input.asOf,
    startsAt,
    endsAt,
    focusLines,
    totals: {
      focusLines: focusLines.length,
      disrupted: focusLines.filter((l) => l.disrupted).length,
      closed: focusLines.filter((l) => l.closed).length,
      closedDuringWeek: focusLines.filter((l) => l.closedDuringWeek).length,
      taskings: focusLines.reduce((n, l) => n + l.taskings!.total, 0),
      taskingsCompleted: focusLines.reduce((n, l) => n + l.taskings!.byStatus.completed, 0),
      outcomes: focusLines.reduce((n, l) => n + l.outcomes!.count, 0),
      numbersCutOff: focusLines.reduce((n, l) => n + l.numbersCutOff!, 0),
      holderLines: holderLines.length,
      holderLinesDisrupted: holderLines.filter(disrupted).length,
      holderLinesClosed: holderLines.filter(closed).length,
    },
    forces: forceScores(input.outcomes, focusIds, new Set(holderLines)),
  };
}

/**
 * Each force's part: the distinct focus lines its live outcomes disrupted (closures included)
 * and closed, and the holders' other lines it disrupted; a line counts once per force. Register
 * closures name no force, so they count on the lines but not here.
 */
export function forceScores(
  outcomes: LineOutcome[],
  focusIds: Set<string>,
  holderLines: Set<string>,
): FocusForceScore[] {
  const reached = new Map<string, { fd: Set<string>; fc: Set<string>; hd: Set<string> }>();
  for (const o of outcomes) {
    if (!DISRUPTIVE.includes(o.action)) continue;
    const r = reached.get(o.force) ?? { fd: new Set(), fc: new Set(), hd: new Set() };
    reached.set(o.force, r);
    if (focusIds.has(o.lineId)) {
      r.fd.add(o.lineId);
      if (CLOSING.includes(o.action)) r.fc.add(o.lineId);
    } else if (holderLines.has(o.lineId)) r.hd.add(o.lineId);
  }
  const w = FOCUS_SCORE_WEIGHTS;
  return [...reached]
    .map(([force, r]) => ({
      force,
      focusLinesDisrupted: r.fd.size,
      focusLinesClosed: r.fc.size,
      holderLinesDisrupted: r.hd.size,
      score:
        r.fd.size * w.focusLineDisrupted +
        r.fc.size * w.focusLineClosed +
        r.hd.size * w.holderLineDisrupted,
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.force.localeCompare(b.force));
}

/** Outcome and tasking line ids are register ids (uuids); anything else names no line. */
export function registerLineId(lineId: string | undefined | null): string | null {
  return lineId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(lineId)
    ? lineId.toLowerCase()
    : null;
}
