import { randomUUID } from 'node:crypto';
import { waitFor } from '@intensify/testing';
import { api, tokenFor } from '../support/api';
import { MERSEYSIDE, MET } from '../support/scenario';
import { WEST_MIDLANDS } from './baselines';

const HOUR = 3_600_000;
const NCLCC = { role: 'nclcc' } as const;
const REGION_OF: Record<string, string> = {
  [MET]: 'london',
  [MERSEYSIDE]: 'north-west',
  [WEST_MIDLANDS]: 'west-midlands',
};

interface Reported {
  force: string;
  /** Hours after the week's first hour. */
  hour: number;
  arrests: number;
  safeguarded: number;
  cashPence: number;
  weapons: number;
  linesClosed: number;
}

async function createWeek(name: string, startsAt: Date, endsAt: Date): Promise<string> {
  const res = await api('POST', '/api/v1/operations', {
    token: await tokenFor(NCLCC),
    body: { name, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Reports one set of figures as four outcomes in the hour given, 10 minutes into it. */
async function reportAll(operationId: string, startsAt: Date, items: Reported[]) {
  const token = await tokenFor(NCLCC);
  for (const r of items) {
    const occurredAt = new Date(startsAt.getTime() + r.hour * HOUR + 10 * 60_000).toISOString();
    const common = { force: r.force, occurredAt };
    const bodies = [
      r.arrests && { type: 'arrest', ...common, count: r.arrests },
      r.safeguarded && { type: 'safeguarding', ...common, children: 1, adults: r.safeguarded - 1 },
      (r.cashPence || r.weapons) && {
        type: 'seizure',
        ...common,
        cashPence: r.cashPence,
        weapons: { bladed: r.weapons },
      },
      ...Array.from({ length: r.linesClosed }, () => ({
        type: 'line',
        ...common,
        action: 'closed-type2',
      })),
    ].filter(Boolean);
    for (const body of bodies) {
      const res = await api('POST', `/api/v1/operations/${operationId}/outcomes`, {
        token,
        body,
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(res.status).toBe(202);
    }
  }
}

const ZERO = { arrests: 0, safeguarded: 0, cashPence: 0, weapons: 0, linesClosed: 0 };
type Figures = typeof ZERO;

/** What the test itself sums: national, by region and by force, over hours before `hours`. */
function expected(items: Reported[], hours: number | null) {
  const add = (into: Figures, r: Reported) => {
    for (const k of Object.keys(ZERO) as (keyof Figures)[]) into[k] += r[k];
  };
  const national = { ...ZERO };
  const regions: Record<string, Figures> = {};
  const forces: Record<string, Figures> = {};
  for (const r of items.filter((i) => hours === null || i.hour < hours)) {
    add(national, r);
    add((regions[REGION_OF[r.force]] ??= { ...ZERO }), r);
    add((forces[r.force] ??= { ...ZERO }), r);
  }
  return { national, regions, forces };
}

function figuresOf(week: any) {
  return {
    national: week.national,
    regions: Object.fromEntries(Object.values(REGION_OF).map((r) => [r, week.regions[r]])),
    forces: Object.fromEntries(Object.keys(REGION_OF).map((f) => [f, week.forces[f]])),
  };
}

const withZeros = (e: ReturnType<typeof expected>) => ({
  national: e.national,
  regions: Object.fromEntries(Object.values(REGION_OF).map((r) => [r, e.regions[r] ?? ZERO])),
  forces: Object.fromEntries(Object.keys(REGION_OF).map((f) => [f, e.forces[f] ?? ZERO])),
});

describe('weeks compared', () => {
  const firstStart = new Date('2022-09-05T00:00:00Z');
  const secondStart = new Date('2022-11-07T00:00:00Z');
  // This week started five whole hours before the current hour, so six hours have begun.
  const thisStart = new Date(Math.floor(Date.now() / HOUR) * HOUR - 5 * HOUR);
  const first: Reported[] = [
    {
      force: MET,
      hour: 0,
      arrests: 5,
      safeguarded: 2,
      cashPence: 10_000,
      weapons: 1,
      linesClosed: 1,
    },
    {
      force: MERSEYSIDE,
      hour: 3,
      arrests: 4,
      safeguarded: 0,
      cashPence: 0,
      weapons: 2,
      linesClosed: 0,
    },
    {
      force: MET,
      hour: 6,
      arrests: 7,
      safeguarded: 3,
      cashPence: 50_000,
      weapons: 0,
      linesClosed: 2,
    },
    {
      force: WEST_MIDLANDS,
      hour: 30,
      arrests: 11,
      safeguarded: 4,
      cashPence: 0,
      weapons: 1,
      linesClosed: 1,
    },
  ];
  const second: Reported[] = [
    {
      force: WEST_MIDLANDS,
      hour: 1,
      arrests: 3,
      safeguarded: 5,
      cashPence: 7_500,
      weapons: 0,
      linesClosed: 0,
    },
    {
      force: MERSEYSIDE,
      hour: 5,
      arrests: 2,
      safeguarded: 0,
      cashPence: 0,
      weapons: 1,
      linesClosed: 1,
    },
    { force: MET, hour: 100, arrests: 9, safeguarded: 0, cashPence: 0, weapons: 0, linesClosed: 0 },
  ];
  const current: Reported[] = [
    {
      force: MET,
      hour: 0,
      arrests: 6,
      safeguarded: 1,
      cashPence: 20_000,
      weapons: 3,
      linesClosed: 1,
    },
    {
      force: MERSEYSIDE,
      hour: 2,
      arrests: 3,
      safeguarded: 4,
      cashPence: 0,
      weapons: 0,
      linesClosed: 0,
    },
    {
      force: WEST_MIDLANDS,
      hour: 4,
      arrests: 8,
      safeguarded: 0,
      cashPence: 30_000,
      weapons: 2,
      linesClosed: 2,
    },
  ];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.first = await createWeek(
      'Autumn week 2022',
      firstStart,
      new Date(firstStart.getTime() + 7 * 24 * HOUR),
    );
    ids.second = await createWeek(
      'Winter week 2022',
      secondStart,
      new Date(secondStart.getTime() + 7 * 24 * HOUR),
    );
    ids.current = await createWeek(
      'This week',
      thisStart,
      new Date(thisStart.getTime() + 7 * 24 * HOUR),
    );
    await reportAll(ids.first, firstStart, first);
    await reportAll(ids.second, secondStart, second);
    await reportAll(ids.current, thisStart, current);
    for (const id of [ids.first, ids.second]) {
      const closed = await api('POST', `/api/v1/operations/${id}/close`, {
        token: await tokenFor(NCLCC),
      });
      expect(closed.status).toBe(200);
    }
  });

  const comparison = async (who: object = NCLCC) =>
    api('GET', `/api/v1/operations/${ids.current}/comparison`, {
      token: await tokenFor(who as any),
    });

  /** Waits for the projection to hold every outcome reported (whole-week totals). */
  async function settled(hours: (body: any) => number | null) {
    return waitFor(
      () => comparison(),
      (res) => {
        if (res.status !== 200) return false;
        const h = hours(res.body);
        const weeks = [res.body.thisWeek, ...res.body.earlierWeeks];
        const find = (id: string) => weeks.find((w: any) => w.operationId === id);
        return (
          !!find(ids.first) &&
          JSON.stringify(figuresOf(find(ids.current))) ===
            JSON.stringify(withZeros(expected(current, h))) &&
          JSON.stringify(figuresOf(find(ids.first))) ===
            JSON.stringify(withZeros(expected(first, h))) &&
          JSON.stringify(figuresOf(find(ids.second))) ===
            JSON.stringify(withZeros(expected(second, h)))
        );
      },
      { timeoutMs: 30_000, what: 'comparison figures' },
    );
  }

  it('compares a live week with earlier weeks at the same hours into the week, exactly', async () => {
    const res = await settled((b) => b.hoursIntoWeek);
    const h = res.body.hoursIntoWeek;
    // Six hours begun, seven if the clock turned an hour while the test ran.
    expect([6, 7]).toContain(h);
    expect(res.body.basis).toBe('same-hours');
    expect(res.body.thisWeek.operationId).toBe(ids.current);
    const earlier = res.body.earlierWeeks.map((w: any) => w.operationId);
    expect(earlier.indexOf(ids.second)).toBeLessThan(earlier.indexOf(ids.first));
    const byId = new Map(res.body.earlierWeeks.map((w: any) => [w.operationId, w]));
    expect(figuresOf(byId.get(ids.first))).toEqual(withZeros(expected(first, h)));
    expect(figuresOf(byId.get(ids.second))).toEqual(withZeros(expected(second, h)));
    expect(figuresOf(res.body.thisWeek)).toEqual(withZeros(expected(current, h)));
    // The first week's later outcomes (hours 6 and 30) are not yet comparable.
    expect((byId.get(ids.first) as any).national.arrests).toBe(h === 6 ? 9 : 16);
    expect(res.body.published).toHaveLength(8);
    expect(res.body.published[0]).toMatchObject({
      arrests: 586,
      safeguarded: 883,
      cashPence: 31_264_900,
    });
    expect(res.body.published[1].cashPence).toBeNull();
  });

  it('shows regions and forces only within the caller’s scope', async () => {
    const res = await comparison({ role: 'regional', region: 'north-west' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.thisWeek.regions)).toEqual(['north-west']);
    expect(Object.keys(res.body.thisWeek.forces)).not.toContain(MET);
    expect(res.body.thisWeek.forces[MERSEYSIDE].arrests).toBe(3);
    const force = await comparison({ role: 'force', force: MET });
    expect(Object.keys(force.body.thisWeek.regions)).toEqual([]);
    expect(Object.keys(force.body.thisWeek.forces)).toEqual([MET]);
    expect(force.body.thisWeek.national.arrests).toBe(17);
  });

  it('compares whole weeks once the week is closed', async () => {
    const closed = await api('POST', `/api/v1/operations/${ids.current}/close`, {
      token: await tokenFor(NCLCC),
    });
    expect(closed.status).toBe(200);
    const res = await settled(() => null);
    expect(res.body).toMatchObject({ basis: 'whole-weeks', hoursIntoWeek: null });
    const byId = new Map(res.body.earlierWeeks.map((w: any) => [w.operationId, w]));
    expect((byId.get(ids.first) as any).national).toEqual({
      arrests: 27,
      safeguarded: 9,
      cashPence: 60_000,
      weapons: 4,
      linesClosed: 4,
    });
    expect((byId.get(ids.second) as any).national.arrests).toBe(14);
  });
});
