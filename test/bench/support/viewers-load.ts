import { Pool } from 'undici';
import type { Outcome } from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { addInto, mixedOutcome } from './workload';
import { post, sleep } from './measure';

export { post };

/** One answered request: when it was answered (performance.now()), how long it took, its status. */
export interface Answered {
  at: number;
  ms: number;
  status: string;
}

/**
 * Outcomes sent on schedule at `rate`/s whether or not earlier ones were answered (an open
 * loop), each by the reporting user of its own force, as the forces' tools would send them.
 * `totals` adds up every body answered 202, independently of the projection.
 */
export class OpenLoop {
  readonly answered: Answered[] = [];
  readonly totals: Record<string, number> = {};
  sent = 0;
  skipped = 0;
  seconds = 0;
  private running = true;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly loop: Promise<void>;

  constructor(
    private readonly pool: Pool,
    private readonly path: string,
    private readonly tokenOf: (force: string) => string,
    rate: number,
    private readonly firstIndex: number,
    maxInFlight = 2_000,
  ) {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const t0 = performance.now();
    this.loop = (async () => {
      while (this.running) {
        const due = Math.floor(((performance.now() - t0) / 1000) * rate);
        while (this.sent + this.skipped < due) {
          if (this.inFlight.size >= maxInFlight) this.skipped++;
          else this.send(mixedOutcome(this.firstIndex + this.sent++, at));
        }
        await sleep(5);
      }
      this.seconds = (performance.now() - t0) / 1000;
    })();
  }

  get accepted(): number {
    return this.answered.filter((a) => a.status === '202').length;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private send(outcome: Outcome): void {
    const started = performance.now();
    const p = post(this.pool, this.path, this.tokenOf(outcome.force), outcome).then(
      ({ status }) => {
        const now = performance.now();
        this.answered.push({ at: now, ms: now - started, status });
        if (status === '202') addInto(this.totals, outcome);
        this.inFlight.delete(p);
      },
    );
    this.inFlight.add(p);
  }
}

/** outcomes/s answered 202 by a closed loop of `clients` (each sends when its last returns). */
export async function closedLoopRate(
  pool: Pool,
  path: string,
  token: string,
  clients: number,
  seconds: number,
): Promise<number> {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  let next = 0;
  let accepted = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const { status } = await post(pool, path, token, mixedOutcome(next++, at));
      if (status === '202') accepted++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return accepted / ((performance.now() - t0) / 1000);
}

/**
 * A probe outcome: a seizure of one "other" weapon, which the background mix never reports, so
 * the n-th probe is on a board once its national `weapons.other` reaches n.
 */
export function probeOutcome(n: number): Outcome {
  return {
    type: 'seizure',
    force: FORCE_CODES[n % FORCE_CODES.length],
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    cashPence: 0,
    phones: 0,
    drugs: [],
    weapons: { firearm: 0, bladed: 0, other: 1 },
  };
}

/** Latencies of the answers that came in [from, to). */
export function latencyIn(answered: Answered[], from: number, to: number): number[] {
  return answered.filter((a) => a.at >= from && a.at < to).map((a) => a.ms);
}

/**
 * One force's return of outcomes as CSV (the columns of csv-import.bench.ts), with the same
 * outcomes as bodies for the independent totals.
 */
export function csvReturn(force: string, rows: number): { csv: string; outcomes: Outcome[] } {
  const header =
    'idempotencyKey,type,force,occurredAt,count,under18,charged,cashPence,crack_grams,crack_value_pence,weapons_bladed,children,adults,action,note';
  const lines = [header];
  const outcomes: Outcome[] = [];
  const base = Date.now() - 30 * 3_600_000;
  for (let i = 0; i < rows; i++) {
    const occurredAt = new Date(base + i * 1000).toISOString();
    const key = `viewers-${force}-${i}`;
    switch (i % 4) {
      case 0:
        lines.push(`${key},arrest,${force},${occurredAt},2,1,1,,,,,,,,`);
        outcomes.push({ type: 'arrest', force, occurredAt, count: 2, under18: 1, charged: 1 });
        break;
      case 1:
        lines.push(`${key},seizure,${force},${occurredAt},,,,12550,3.125,40000,1,,,,`);
        outcomes.push({
          type: 'seizure',
          force,
          occurredAt,
          cashPence: 12550,
          phones: 0,
          drugs: [{ drug: 'crack', grams: 3.125, plants: 0, valuePence: 40000 }],
          weapons: { firearm: 0, bladed: 1, other: 0 },
        });
        break;
      case 2:
        lines.push(`${key},safeguarding,${force},${occurredAt},,,,,,,,1,2,,`);
        outcomes.push({
          type: 'safeguarding',
          force,
          occurredAt,
          children: 1,
          adults: 2,
          nrmReferrals: 0,
          cuckooedAddressesVisited: 0,
        });
        break;
      default:
        lines.push(`${key},line,${force},${occurredAt},,,,,,,,,,disrupted,"row ${i}"`);
        outcomes.push({
          type: 'line',
          force,
          occurredAt,
          action: 'disrupted',
          ddtroApplied: 0,
          ddtroGranted: 0,
        });
    }
  }
  return { csv: lines.join('\n'), outcomes };
}
