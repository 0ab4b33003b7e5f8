import { addIsoWeeks } from '@intensify/contracts';
import { forcesInRegion } from '@intensify/reference-data';
import { api, tokenFor } from '../support/api';
import { GREATER_MANCHESTER, MERSEYSIDE, MET } from '../support/scenario';
import {
  dropPercent,
  gamingCheck,
  gamingCheckWhen,
  importBaselines,
  putBaseline,
  STAFFORDSHIRE,
  WEST_MIDLANDS,
} from './baselines';

/** The week under test starts on Monday of 2023-W20; its sixteen weeks before are W04–W19. */
const WEEK = '2023-W20';
const weeksBefore = (n: number) => addIsoWeeks(WEEK, -n);
const BASELINE_WEEKS = Array.from({ length: 12 }, (_, i) => weeksBefore(16 - i));
const RECENT_WEEKS = Array.from({ length: 4 }, (_, i) => weeksBefore(4 - i));

const NCLCC = { role: 'nclcc' } as const;
const NORTH_WEST = { role: 'regional', region: 'north-west' } as const;
const WEST_MIDS_FORCE = { role: 'force', force: WEST_MIDLANDS } as const;

// Steady forces vary week to week; West Midlands holds arrests and safeguarding back before the week.
const steadyArrests = [52, 48, 50, 55, 45, 50, 49, 51, 50, 47, 53, 50];
const steadyRecent = [46, 50, 44, 48];
const wmArrests = [36, 44, 40, 42, 38, 40, 41, 39, 44, 36, 40, 40];
const wmRecent = [20, 24, 22, 22];
const wmChildren = [12, 10, 14, 12, 11, 13, 12, 12, 10, 14, 12, 12];
const wmChildrenRecent = [6, 5, 7, 6];

describe('gaming check: sixteen weeks of baselines, one force deferring activity', () => {
  let operationId: string;

  beforeAll(async () => {
    const op = await api('POST', '/api/v1/operations', {
      token: await tokenFor(NCLCC),
      body: {
        name: 'Spring week 2023',
        startsAt: '2023-05-15T00:00:00Z',
        endsAt: '2023-05-22T00:00:00Z',
      },
    });
    expect(op.status).toBe(201);
    operationId = op.body.id;

    // The NCLCC reports for the Met; West Midlands for itself; Merseyside's region for it.
    for (const [i, week] of [...BASELINE_WEEKS, ...RECENT_WEEKS].entries()) {
      const steady = i < 12 ? steadyArrests[i] : steadyRecent[i - 12];
      const met = await putBaseline(NCLCC, MET, week, { arrests: steady, charged: 20 });
      expect(met.status).toBe(201);
      const wm = await putBaseline(WEST_MIDS_FORCE, WEST_MIDLANDS, week, {
        arrests: i < 12 ? wmArrests[i] : wmRecent[i - 12],
        safeguardedChildren: i < 12 ? wmChildren[i] : wmChildrenRecent[i - 12],
        phones: i < 12 ? 4 : 0,
      });
      expect(wm.status).toBe(201);
      const mers = await putBaseline(NORTH_WEST, MERSEYSIDE, week, {
        arrests: 30,
        cashPence: 2_000_000,
      });
      expect(mers.status).toBe(201);
    }
    // Greater Manchester by CSV: steady arrests, cash a little down (20%, under the threshold).
    const rows = [...BASELINE_WEEKS, ...RECENT_WEEKS].map(
      (week, i) => `${GREATER_MANCHESTER},${week},60,${i < 12 ? 1_000_000 : 800_000}`,
    );
    const imported = await importBaselines(
      NORTH_WEST,
      ['force,isoWeek,arrests,cashPence', ...rows].join('\n'),
    );
    expect(imported.body).toEqual({ accepted: 16, duplicates: 0, rejected: [] });
  });

  it('flags the deferring force with exact percentages, before the week, and no other force', async () => {
    const res = await gamingCheckWhen(operationId, (f) =>
      [MET, WEST_MIDLANDS, MERSEYSIDE, GREATER_MANCHESTER].every(
        (force) =>
          f.get(force)?.baselineWeeksReported === 12 && f.get(force)?.recentWeeksReported === 4,
      ),
    );
    expect(res.body).toMatchObject({
      operationId,
      isoWeek: WEEK,
      recentWeeks: { from: '2023-W16', to: '2023-W19' },
      baselineWeeks: { from: '2023-W04', to: '2023-W15' },
      rule: { dropAtLeastPercent: 30 },
    });
    const forces = res.body.forces;
    expect(forces).toHaveLength(44);
    expect(forces.filter((f: any) => f.status === 'flagged').map((f: any) => f.force)).toEqual([
      WEST_MIDLANDS,
    ]);
    const wm = forces[0];
    const arrestsDrop = dropPercent(wmArrests, wmRecent);
    const childrenDrop = dropPercent(wmChildren, wmChildrenRecent);
    expect(arrestsDrop).toBe(45);
    expect(childrenDrop).toBe(50);
    expect(wm.figures.find((f: any) => f.figure === 'arrests')).toEqual({
      figure: 'arrests',
      recentMean: 22,
      baselineMean: 40,
      dropPercent: arrestsDrop,
      flagged: true,
    });
    expect(wm.figures.find((f: any) => f.figure === 'safeguardedChildren')).toMatchObject({
      dropPercent: childrenDrop,
      flagged: true,
    });
    // Phones fell to nothing, but four a week is too few to judge.
    expect(wm.figures.find((f: any) => f.figure === 'phones')).toMatchObject({
      dropPercent: 100,
      flagged: false,
      skipped: 'baseline-too-small',
    });
    expect(wm.findings).toEqual([
      'reported 45% fewer arrests than its baseline in the four weeks before',
      'reported 50% fewer children safeguarded than its baseline in the four weeks before',
    ]);

    const byForce = new Map(forces.map((f: any) => [f.force, f]));
    const met: any = byForce.get(MET);
    expect(met.status).toBe('ok');
    expect(met.figures.find((f: any) => f.figure === 'arrests').dropPercent).toBe(
      dropPercent(steadyArrests, steadyRecent),
    );
    const gmp: any = byForce.get(GREATER_MANCHESTER);
    expect(gmp.status).toBe('ok');
    expect(gmp.figures.find((f: any) => f.figure === 'cashPence')).toMatchObject({
      dropPercent: 20,
      flagged: false,
    });
    expect((byForce.get(STAFFORDSHIRE) as any).status).toBe('insufficient-history');
  });

  it('shows each caller only the forces in its scope', async () => {
    const own = await gamingCheck(WEST_MIDS_FORCE, operationId);
    expect(own.body.forces.map((f: any) => f.force)).toEqual([WEST_MIDLANDS]);
    const region = await gamingCheck(NORTH_WEST, operationId);
    expect(region.body.forces.map((f: any) => f.force).sort()).toEqual(
      [...forcesInRegion('north-west')].sort(),
    );
    const commander = await gamingCheck({ role: 'commander' }, operationId);
    expect(commander.body.forces).toHaveLength(44);
    const missing = await gamingCheck(NCLCC, '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('counts a replay once and a replacement as a new version that the check then uses', async () => {
    const week = RECENT_WEEKS[0];
    const same = await putBaseline(WEST_MIDS_FORCE, WEST_MIDLANDS, week, {
      arrests: wmRecent[0],
      safeguardedChildren: wmChildrenRecent[0],
      phones: 0,
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ force: WEST_MIDLANDS, isoWeek: week, version: 1 });

    // Merseyside's region corrects one recent week upwards: version 2.
    const replaced = await putBaseline(NORTH_WEST, MERSEYSIDE, week, {
      arrests: 34,
      cashPence: 2_000_000,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      version: 2,
      figures: { arrests: 34, cashPence: 2_000_000 },
    });
    const res = await gamingCheckWhen(
      operationId,
      (f) => f.get(MERSEYSIDE)?.figures.find((x: any) => x.figure === 'arrests')?.recentMean === 31,
    );
    const mers = res.body.forces.find((f: any) => f.force === MERSEYSIDE);
    expect(mers.figures.find((f: any) => f.figure === 'arrests').dropPercent).toBe(
      dropPercent(Array(12).fill(30), [34, 30, 30, 30]),
    );

    const list = await api(
      'GET',
      `/api/v1/forces/${MERSEYSIDE}/baselines?from=${week}&to=${week}`,
      {
        token: await tokenFor(NORTH_WEST),
      },
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        isoWeek: week,
        version: 2,
        figures: expect.objectContaining({ arrests: 34 }),
      }),
    ]);
  });

  it('lists a force’s weeks oldest first, within scope', async () => {
    const list = await api(
      'GET',
      `/api/v1/forces/${WEST_MIDLANDS}/baselines?from=${BASELINE_WEEKS[0]}&to=${RECENT_WEEKS[3]}`,
      { token: await tokenFor({ role: 'commander', region: 'west-midlands' }) },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: any) => b.isoWeek)).toEqual([
      ...BASELINE_WEEKS,
      ...RECENT_WEEKS,
    ]);
    expect(list.body.items.map((b: any) => b.figures.arrests)).toEqual([...wmArrests, ...wmRecent]);
    const other = await api('GET', `/api/v1/forces/${MET}/baselines`, {
      token: await tokenFor(WEST_MIDS_FORCE),
    });
    expect(other.status).toBe(403);
  });
});
