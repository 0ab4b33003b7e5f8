import { DemoClient, Identity } from './demo-client';
import { Random } from './random';
import { PlannedOutcome } from './week-outcomes';

/** A register line as the demo needs it to name it in results. */
export interface RegisterLine {
  id: string;
  recordedBy: string;
  exportingForce: string;
  importingForces: string[];
  status: string;
  /** Active deal numbers, the ones an order can be applied for. */
  numbers: string[];
}

/** The register as the week's results can name it: its open lines, the focus and its network. */
export interface WeekLines {
  lines: RegisterLine[];
  focusLineIds: string[];
  /** Lines sharing a holder with a focus line (focus lines left out). */
  holderLineIds: string[];
}

/** A register DDTRO application made with a result that also flags it, so it counts once. */
export interface PlannedDdtroApplication {
  lineId: string;
  numbers: string[];
  /** How many of the orders are granted straight after. */
  granted: number;
}

/** The register's reads are person-level (numbers) and logged with why they were made. */
const LINES_PURPOSE = 'Demo intensification week: the lines results are reported against';
const HOLDERS_PURPOSE = "Planning the intensification week: the focus lines' holders' other lines";

/** The register's open lines and the focus lines' holder network, read by the NCLCC. */
export async function readWeekLines(
  client: DemoClient,
  nclcc: Identity,
  focusLineIds: readonly string[],
  /** Only lines whose brand starts with this: a test run shares its register with other suites. */
  brandPrefix = '',
): Promise<WeekLines> {
  const lines: RegisterLine[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '500', ...(cursor && { cursor }) });
    const page = await client.as<{ items: Listed[]; nextCursor?: string | null }>(
      nclcc,
      'GET',
      `/api/v1/lines?${query}`,
      { purpose: LINES_PURPOSE },
    );
    for (const l of page.items)
      if (l.status !== 'closed' && l.brand.startsWith(brandPrefix))
        lines.push({
          id: l.id,
          recordedBy: l.recordedBy,
          exportingForce: l.exportingForce,
          importingForces: l.importingForces,
          status: l.status,
          numbers: l.numbers.filter((n) => n.status === 'active').map((n) => n.number),
        });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const holders = focusLineIds.length
    ? await client.as<{ items: { lines: { lineId: string }[] }[] }>(
        nclcc,
        'GET',
        '/api/v1/line-holders?linkedLines>=2&limit=500',
        { purpose: HOLDERS_PURPOSE },
      )
    : { items: [] };
  return {
    lines,
    focusLineIds: [...focusLineIds],
    holderLineIds: holderNetwork(focusLineIds, holders.items).filter((id) =>
      lines.some((l) => l.id === id),
    ),
  };
}

interface Listed {
  id: string;
  brand: string;
  recordedBy: string;
  exportingForce: string;
  importingForces: string[];
  status: string;
  numbers: { number: string; status: string }[];
}

/** Lines that share a holder with any focus line, focus lines themselves left out. */
export function holderNetwork(
  focusLineIds: readonly string[],
  holders: readonly { lines: { lineId: string }[] }[],
): string[] {
  const focus = new Set(focusLineIds);
  const network = new Set<string>();
  for (const h of holders) {
    const ids = h.lines.map((l) => l.lineId);
    if (ids.some((id) => focus.has(id))) for (const id of ids) if (!focus.has(id)) network.add(id);
  }
  return [...network].sort();
}

/** Shares of results that name a register line. */
const NAMED_SHARE = { line: 0.85, arrest: 0.2, seizure: 0.2, safeguarding: 0 } as const;
/** A focus force's named results go to the focus network this often, else to any line of its own. */
const NETWORK_SHARE = 0.8;

/**
 * Names register lines (`lineId`) in the planned results, in time order: a force names only
 * lines it may read (recorded by, exporting from or importing into it), a focus force mostly
 * the focus lines and their holders' other lines. About half the focus lines are meant to close:
 * a closure on one of the others becomes a disruption, so the week shows both. A closed line is
 * not named again. A few closures (type 2) also apply for DDTROs on the register for as many
 * numbers as they flag, so the board sees the same orders twice and counts them once.
 * Returns those applications by the index of the result they go with.
 */
export function nameRegisterLines(
  random: Random,
  outcomes: PlannedOutcome[],
  week: WeekLines,
  focusForces: readonly string[],
): Map<number, PlannedDdtroApplication> {
  const focus = new Set(week.focusLineIds);
  const network = new Set([...week.focusLineIds, ...week.holderLineIds]);
  const staysOpen = new Set(week.focusLineIds.filter(() => random.chance(0.5)));
  const closed = new Set<string>();
  const applied = new Set<string>();
  const applications = new Map<number, PlannedDdtroApplication>();
  const byForce = new Map<string, RegisterLine[]>();
  for (const line of week.lines)
    for (const force of new Set([line.recordedBy, line.exportingForce, ...line.importingForces]))
      byForce.set(force, [...(byForce.get(force) ?? []), line]);

  outcomes.forEach((o, i) => {
    const body = o.body;
    if (!random.chance(NAMED_SHARE[body.type])) return;
    const open = (byForce.get(body.force) ?? []).filter((l) => !closed.has(l.id));
    const ours = open.filter((l) => network.has(l.id));
    const pool =
      focusForces.includes(body.force) && ours.length && random.chance(NETWORK_SHARE) ? ours : open;
    if (!pool.length) return;
    const line = random.weighted(pool, (l) => (focus.has(l.id) ? 4 : network.has(l.id) ? 2 : 1));
    body.lineId = line.id;
    if (body.type !== 'line') return;
    if (String(body.action).startsWith('closed-')) {
      if (staysOpen.has(line.id)) {
        Object.assign(body, { action: 'disrupted', ddtroApplied: 0, ddtroGranted: 0 });
        return;
      }
      closed.add(line.id);
    }
    const flagged = (body.ddtroApplied as number) > 0;
    if (
      body.action === 'closed-type2' &&
      line.numbers.length &&
      !applied.has(line.id) &&
      (flagged || random.chance(0.3))
    ) {
      const n = Math.min(line.numbers.length, flagged ? (body.ddtroApplied as number) : 1);
      const granted = Math.min(n, flagged ? (body.ddtroGranted as number) : random.int(0, n));
      Object.assign(body, { ddtroApplied: n, ddtroGranted: granted });
      applications.set(i, { lineId: line.id, numbers: line.numbers.slice(0, n), granted });
      applied.add(line.id);
    }
  });
  return applications;
}
