import { waitFor } from '@intensify/testing';
import { FORCES } from '@intensify/reference-data';
import { api } from '../support/api';
import { as, freshBrand, freshHolder, freshNumber, registerLine } from '../support/intelligence';
import {
  createActiveWeek,
  GREATER_MANCHESTER,
  MERSEYSIDE,
  MET,
  NORTH_WALES,
  report,
  WEST_MIDLANDS,
} from '../support/scenario';

const CHESHIRE = 'E23000006';
const STAFFORDSHIRE = 'E23000015';

async function focusMap(operationId: string) {
  const res = await api('GET', `/api/v1/operations/${operationId}/focus-map`, {
    token: await as(),
  });
  expect(res.status).toBe(200);
  return res.body;
}

async function allLines() {
  const items = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: unknown[]; nextCursor: string | null } } = await api(
      'GET',
      `/api/v1/lines?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      { token: await as() },
    );
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items as {
    id: string;
    exportingForce: string;
    importingForces: string[];
    status: string;
  }[];
}

describe('intelligence: ranking, focus lines and the focus map', () => {
  let week: string;
  const lines: Record<string, { id: string }> = {};

  beforeAll(async () => {
    week = (await createActiveWeek('Focus week')).id;
    const holder = freshHolder();
    lines.harmful = await registerLine({
      brand: freshBrand('Harm'),
      exportingForce: MET,
      importingForces: [MERSEYSIDE, NORTH_WALES],
      numbers: [freshNumber()],
      holderRefs: [holder],
      riskFactors: { childrenExploited: true, weapons: true, violence: true, cuckooing: true },
      lastIntelligenceAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    lines.sibling = await registerLine({
      brand: freshBrand('Sib'),
      exportingForce: WEST_MIDLANDS,
      importingForces: [STAFFORDSHIRE],
      holderRefs: [holder],
    });
    lines.quiet = await registerLine({
      brand: freshBrand('Quiet'),
      exportingForce: GREATER_MANCHESTER,
      importingForces: [CHESHIRE],
    });
    lines.dormant = await registerLine({
      brand: freshBrand('Dorm'),
      exportingForce: MET,
      importingForces: [CHESHIRE],
      status: 'dormant',
    });
  });

  it('ranks lines by an explained, reproducible harm score', async () => {
    const asOf = new Date().toISOString();
    const get = async () =>
      (
        await api('GET', `/api/v1/lines/ranking?asOf=${encodeURIComponent(asOf)}&limit=500`, {
          token: await as(),
        })
      ).body;
    const first = await get();
    expect(first).toMatchObject({ asOf, method: 'harm-v1' });
    const harmful = first.items.find((i: { lineId: string }) => i.lineId === lines.harmful.id);
    // 25 + 20 + 15 + 15 + 2 importing · 5 + 1 linked line · 10 + 0 replaced + 10 recent = 105
    expect(harmful.score).toBe(105);
    expect(
      harmful.factors.find((f: { factor: string }) => f.factor === 'linkedLines'),
    ).toMatchObject({ value: 1, weight: 10, points: 10 });
    for (const item of first.items)
      expect(item.score).toBe(
        item.factors.reduce((s: number, f: { points: number }) => s + f.points, 0),
      );
    const scores = first.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(first.items.map((i: { lineId: string }) => i.lineId)).not.toContain(lines.dormant.id);
    const quiet = first.items.find((i: { lineId: string }) => i.lineId === lines.quiet.id);
    expect(harmful.rank).toBeLessThan(quiet.rank);
    expect(await get()).toEqual(first);
  });

  it("derives the focus forces from the focus lines, and the week's focusForces follow", async () => {
    const set = await api('PUT', `/api/v1/operations/${week}/focus-lines`, {
      token: await as(),
      body: { lineIds: [lines.harmful.id, lines.quiet.id] },
    });
    expect(set.status).toBe(200);
    const expected = [MET, MERSEYSIDE, NORTH_WALES, GREATER_MANCHESTER, CHESHIRE].sort();
    expect(set.body).toMatchObject({ operationId: week, focusForces: expected });
    await waitFor(
      async () =>
        (await api('GET', `/api/v1/operations/${week}`, { token: await as() })).body.focusForces,
      (f) => JSON.stringify([...f].sort()) === JSON.stringify(expected),
      {
        timeoutMs: 20_000,
        intervalMs: 100,
        what: 'the week to take its focus forces from the focus lines',
      },
    );
    const regional = await api('PUT', `/api/v1/operations/${week}/focus-lines`, {
      token: await as({ role: 'regional', region: 'london' }),
      body: { lineIds: [] },
    });
    expect(regional.status).toBe(403);
    const unknown = await api('PUT', `/api/v1/operations/${week}/focus-lines`, {
      token: await as(),
      body: { lineIds: [lines.harmful.id, '00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: 'lineIds.0', message: 'is not a line in the register' },
    ]);
  });

  it("gives focus-map figures equal to a hand count of the register, with the board's outcomes", async () => {
    await api('PUT', `/api/v1/operations/${week}/focus-lines`, {
      token: await as(),
      body: { lineIds: [lines.harmful.id, lines.quiet.id] },
    });
    await report(week, {
      type: 'arrest',
      force: MERSEYSIDE,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      count: 3,
    });
    const register = await allLines();
    const active = register.filter((l) => l.status === 'active');
    const focus = register.filter((l) => [lines.harmful.id, lines.quiet.id].includes(l.id));
    const expected = Object.fromEntries(
      FORCES.map((f) => {
        const touching = focus.filter(
          (l) => l.exportingForce === f.code || l.importingForces.includes(f.code),
        ).length;
        return [
          f.code,
          {
            activeLinesExporting: active.filter((l) => l.exportingForce === f.code).length,
            activeLinesImporting: active.filter((l) => l.importingForces.includes(f.code)).length,
            focusLinesTouching: touching,
            focusForce: touching > 0,
          },
        ];
      }),
    );
    const map = await waitFor(
      () => focusMap(week),
      (m) =>
        m.forces[MERSEYSIDE].outcomes.arrests === 3 &&
        FORCES.every(
          (f) => JSON.stringify(pick(m.forces[f.code])) === JSON.stringify(expected[f.code]),
        ),
      { timeoutMs: 20_000, intervalMs: 200, what: 'the focus map to equal the hand count' },
    );
    expect(Object.keys(map.forces).sort()).toEqual(FORCES.map((f) => f.code).sort());
    expect([...map.focusLines].sort()).toEqual([lines.harmful.id, lines.quiet.id].sort());
    expect(map.forces[MET]).toMatchObject({ focusForce: true, focusLinesTouching: 1 });
    expect(map.forces.BTP).toMatchObject({ focusForce: false, focusLinesTouching: 0 });
    const board = (await api('GET', `/api/v1/operations/${week}/board`, { token: await as() }))
      .body;
    expect(map.forces[MERSEYSIDE].outcomes).toEqual(board.forces[MERSEYSIDE]);
    expect(typeof map.asOf).toBe('string');

    // A line closed in the register leaves the map's active figures.
    const before = map.forces[GREATER_MANCHESTER].activeLinesExporting;
    await api('PATCH', `/api/v1/lines/${lines.quiet.id}`, {
      token: await as(),
      body: { status: 'closed', closureType: 'type1' },
    });
    await waitFor(
      () => focusMap(week),
      (m) => m.forces[GREATER_MANCHESTER].activeLinesExporting === before - 1,
      { timeoutMs: 20_000, intervalMs: 200, what: 'the closed line to leave the focus map' },
    );
    const missing = await api(
      'GET',
      '/api/v1/operations/00000000-0000-4000-8000-000000000000/focus-map',
      { token: await as() },
    );
    expect(missing.status).toBe(404);
  });
});

function pick(f: {
  activeLinesExporting: number;
  activeLinesImporting: number;
  focusLinesTouching: number;
  focusForce: boolean;
}) {
  return {
    activeLinesExporting: f.activeLinesExporting,
    activeLinesImporting: f.activeLinesImporting,
    focusLinesTouching: f.focusLinesTouching,
    focusForce: f.focusForce,
  };
}
