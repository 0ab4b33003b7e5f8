import { CSV_COLUMNS, outcomeToCsvCells, validateOutcomeBody } from '@intensify/contracts';
import { DemoClient, Identity } from './demo-client';
import { Random } from './random';
import { PlannedOutcome, planWeekOutcomes } from './week-outcomes';

const WEEK_MS = 7 * 24 * 3_600_000;
/** The earlier week did less than this one: forces were still learning to run them. */
const EARLIER_SHARE = 0.6;

export interface EarlierWeek {
  operationId: string;
  /** Every outcome body the import accepted (all of them: a rejected row is an error). */
  reported: PlannedOutcome['body'][];
}

/**
 * An earlier intensification week of the system, already closed, so "weeks compared" has one
 * to show: smaller than this week and back-loaded (most results in its last days, as a week
 * run without a plan ends). Reported as one CSV return by the NCLCC, then closed.
 * `startsAt` must leave the baseline weeks alone: a week over them would refuse their figures.
 */
export async function replayEarlierWeek(
  client: DemoClient,
  nclcc: Identity,
  options: { random: Random; scale: number; startsAt: number; name: string },
): Promise<EarlierWeek> {
  const { random, startsAt } = options;
  const operation = await client.as<{ id: string }>(nclcc, 'POST', '/api/v1/operations', {
    body: {
      name: options.name,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + WEEK_MS).toISOString(),
      focusForces: [],
    },
  });
  const planned = planWeekOutcomes(random, options.scale * EARLIER_SHARE);
  const csv = earlierWeekCsv(planned, startsAt, operation.id);
  const imported = await client.as<{ accepted: number; duplicates: number; rejected: unknown[] }>(
    nclcc,
    'POST',
    `/api/v1/operations/${operation.id}/outcomes/import`,
    { csv },
  );
  if (imported.rejected.length)
    throw new Error(`earlier week: rows rejected ${JSON.stringify(imported.rejected[0])}`);
  await client.as(nclcc, 'POST', `/api/v1/operations/${operation.id}/close`, { body: {} });
  return { operationId: operation.id, reported: planned.map((p) => p.body) };
}

/** The planned outcomes as a CSV return, moved towards the week's end (`at` → √at). */
export function earlierWeekCsv(
  planned: readonly PlannedOutcome[],
  startsAt: number,
  operationId: string,
): string {
  const rows = planned.map((p, i) => {
    const occurredAt = new Date(startsAt + Math.sqrt(p.at) * (WEEK_MS - 60_000)).toISOString();
    const checked = validateOutcomeBody({ ...p.body, occurredAt });
    if (!checked.ok) throw new Error(`earlier week: ${JSON.stringify(checked.errors)}`);
    const cells: Record<string, string | number> = {
      ...outcomeToCsvCells(checked.value),
      idempotencyKey: `demo-${operationId}-earlier-${i}`,
    };
    return CSV_COLUMNS.map((c) => cells[c] ?? '').join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}
