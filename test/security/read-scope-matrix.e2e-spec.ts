import { parse } from 'csv-parse/sync';
import { waitFor } from '@intensify/testing';
import { FORCE_CODES, forcesInRegion, REGION_CODES } from '@intensify/reference-data';
import { api, TEST_PURPOSE, tokenFor, Who } from '../support/api';
import {
  applyDdtros,
  freshBrand,
  freshHolder,
  freshNumber,
  registerLine,
} from '../support/intelligence';
import {
  boardAfter,
  createActiveWeek,
  GREATER_MANCHESTER,
  hoursAgo,
  MERSEYSIDE,
  MET,
  report,
  WEST_MIDLANDS,
} from '../support/scenario';
import { readEvents } from '../support/sse';
import { runEnv } from '../support/run-env';
import { issue, taskingBody } from '../support/taskings';

/**
 * Every read endpoint × every role, against the one read scope: which forces' figures and
 * records each caller gets, not only whether it gets an answer. Figures are seeded in three
 * forces: Merseyside (North West), the Met (London) and BTP (no region).
 */
const BTP = 'BTP';
const CITY_OF_LONDON = 'E23000034';
const SEEDED = [MERSEYSIDE, MET, BTP];
/** Each seeded force shares a line holder with a partner, so each has a deconfliction alert. */
const PARTNER: Record<string, string> = {
  [MERSEYSIDE]: GREATER_MANCHESTER,
  [MET]: CITY_OF_LONDON,
  [BTP]: WEST_MIDLANDS,
};

interface Scope {
  who: Who;
  /** The seeded forces whose figures and records the caller sees. */
  seeded: string[];
  /** Every force whose detail the caller sees; every region whose totals it sees. */
  forces: readonly string[];
  regions: readonly string[];
}

const ALL: Pick<Scope, 'seeded' | 'forces' | 'regions'> = {
  seeded: SEEDED,
  forces: FORCE_CODES,
  regions: REGION_CODES,
};
const NORTH_WEST = {
  seeded: [MERSEYSIDE],
  forces: forcesInRegion('north-west'),
  regions: ['north-west'],
};
const ROLES: Record<string, Scope> = {
  nclcc: { who: { role: 'nclcc' }, ...ALL },
  'regional (own: north-west)': {
    who: { role: 'regional', region: 'north-west' },
    ...NORTH_WEST,
  },
  'regional (other: london)': {
    who: { role: 'regional', region: 'london' },
    seeded: [MET],
    forces: forcesInRegion('london'),
    regions: ['london'],
  },
  'force (own: Merseyside)': {
    who: { role: 'force', force: MERSEYSIDE },
    seeded: [MERSEYSIDE],
    forces: [MERSEYSIDE],
    regions: [],
  },
  'force (other: Met)': {
    who: { role: 'force', force: MET },
    seeded: [MET],
    forces: [MET],
    regions: [],
  },
  'force (BTP)': { who: { role: 'force', force: BTP }, seeded: [BTP], forces: [BTP], regions: [] },
  'commander (national)': { who: { role: 'commander' }, ...ALL },
  'commander (north-west)': {
    who: { role: 'commander', region: 'north-west' },
    ...NORTH_WEST,
  },
};

const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();
const seededIn = (codes: Iterable<string>) => sorted([...codes].filter((c) => SEEDED.includes(c)));

interface Seeded {
  week: string;
  lineForce: Map<string, string>;
  holderForce: Map<string, string>;
}

async function get(path: string, token: string) {
  const res = await api('GET', path, { token, headers: { 'x-purpose': 'read scope matrix' } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function csvRows(path: string, token: string): Promise<Record<string, string>[]> {
  const res = await fetch(`${runEnv().gatewayUrl}${path}`, {
    headers: { authorization: `Bearer ${token}`, 'x-purpose': TEST_PURPOSE },
  });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  return parse(await res.text(), { columns: true });
}

/** Figures a board shows: force detail, region detail and the seeded forces with arrests. */
function boardView(b: {
  forces: Record<string, { arrests: number }>;
  regions: Record<string, unknown>;
  taskingsByForce: Record<string, unknown>;
  national: { arrests: number };
}) {
  return {
    forces: sorted(Object.keys(b.forces)),
    regions: sorted(Object.keys(b.regions)),
    taskingForces: sorted(Object.keys(b.taskingsByForce)),
    seeded: seededIn(Object.keys(b.forces).filter((f) => b.forces[f].arrests > 0)),
    nationalArrests: b.national.arrests,
  };
}

function expectedBoard(s: Scope) {
  return {
    forces: sorted(s.forces),
    regions: sorted(s.regions),
    taskingForces: sorted(s.forces),
    seeded: sorted(s.seeded),
    nationalArrests: SEEDED.length,
  };
}

/** Each read endpoint: what the caller gets, and what its scope says it should get. */
const ENDPOINTS: Record<
  string,
  {
    read: (d: Seeded, token: string) => Promise<unknown>;
    expected: (s: Scope) => unknown;
  }
> = {
  board: {
    read: async (d, token) => boardView(await get(`/api/v1/operations/${d.week}/board`, token)),
    expected: expectedBoard,
  },
  'board stream': {
    read: async (d, token) => {
      const [first] = await readEvents(
        `${runEnv().gatewayUrl}/api/v1/operations/${d.week}/board/stream?access_token=${token}`,
        'board',
        (events) => events.length >= 1,
      );
      return boardView(first);
    },
    expected: expectedBoard,
  },
  'timeline (national, each force, each region)': {
    read: async (d, token) => {
      const base = `/api/v1/operations/${d.week}/board/timeline`;
      const national = await get(base, token);
      const answers: Record<string, number | string> = {
        national: national.hours.reduce((n: number, h: { arrest: number }) => n + h.arrest, 0),
      };
      for (const q of [...SEEDED.map((f) => `force=${f}`), 'region=north-west', 'region=london']) {
        const res = await api('GET', `${base}?${q}`, { token });
        answers[q] =
          res.status === 200
            ? res.body.hours.reduce((n: number, h: { arrest: number }) => n + h.arrest, 0)
            : res.body.code;
      }
      return answers;
    },
    expected: (s) => ({
      national: SEEDED.length,
      ...Object.fromEntries(
        SEEDED.map((f) => [`force=${f}`, s.forces.includes(f) ? 1 : 'forbidden_scope']),
      ),
      'region=north-west': s.regions.includes('north-west') ? 1 : 'forbidden_scope',
      'region=london': s.regions.includes('london') ? 1 : 'forbidden_scope',
    }),
  },
  'forces.csv': {
    read: async (d, token) => {
      const rows = await csvRows(`/api/v1/operations/${d.week}/board/forces.csv`, token);
      return {
        forces: sorted(rows.map((r) => r.force)),
        seeded: seededIn(rows.filter((r) => Number(r.arrests) > 0).map((r) => r.force)),
      };
    },
    expected: (s) => ({ forces: sorted(s.forces), seeded: sorted(s.seeded) }),
  },
  'outcomes (JSON)': {
    read: async (d, token) =>
      sorted(
        (await get(`/api/v1/operations/${d.week}/outcomes?limit=100`, token)).items.map(
          (o: { force: string }) => o.force,
        ),
      ),
    expected: (s) => sorted(s.seeded),
  },
  'outcomes.csv': {
    read: async (d, token) =>
      sorted(
        (await csvRows(`/api/v1/operations/${d.week}/outcomes.csv`, token)).map((r) => r.force),
      ),
    expected: (s) => sorted(s.seeded),
  },
  'focus map': {
    read: async (d, token) => {
      const map = await get(`/api/v1/operations/${d.week}/focus-map`, token);
      const withFigures = Object.keys(map.forces).filter((f) => 'outcomes' in map.forces[f]);
      const withLines = Object.keys(map.forces).filter(
        (f) => 'activeLinesExporting' in map.forces[f],
      );
      return {
        present: Object.keys(map.forces).length,
        withFigures: sorted(withFigures),
        withLines: sorted(withLines),
        seeded: seededIn(withFigures.filter((f) => map.forces[f].outcomes.arrests > 0)),
      };
    },
    expected: (s) => ({
      present: FORCE_CODES.length,
      withFigures: sorted(s.forces),
      withLines: sorted(s.forces),
      seeded: sorted(s.seeded),
    }),
  },
  'summary page data and PDF': {
    read: async (d, token) => {
      const res = await fetch(`${runEnv().gatewayUrl}/api/v1/operations/${d.week}/summary.pdf`, {
        headers: { authorization: `Bearer ${token}`, 'x-purpose': TEST_PURPOSE },
      });
      const pdf = Buffer.from(await res.arrayBuffer());
      // The page (and so the PDF) is drawn from the board read with the caller's own token.
      const board = boardView(await get(`/api/v1/operations/${d.week}/board`, token));
      return { status: res.status, pdf: pdf.subarray(0, 5).toString(), seeded: board.seeded };
    },
    expected: (s) => ({ status: 200, pdf: '%PDF-', seeded: sorted(s.seeded) }),
  },
  'taskings list': {
    read: async (d, token) =>
      sorted(
        (await get(`/api/v1/taskings?operationId=${d.week}&limit=100`, token)).items.map(
          (t: { force: string }) => t.force,
        ),
      ),
    expected: (s) => sorted(s.seeded),
  },
  'taskings stream': {
    read: async (d, token) => {
      const [first] = await readEvents(
        `${runEnv().gatewayUrl}/api/v1/taskings/stream?operationId=${d.week}&access_token=${token}`,
        'taskings',
        (events) => events.length >= 1,
      );
      return sorted(first.items.map((t: { force: string }) => t.force));
    },
    expected: (s) => sorted(s.seeded),
  },
  lines: {
    read: async (d, token) =>
      // Only this file's lines: other files of the run register lines of their own.
      seededIn(
        (await get('/api/v1/lines?q=Scope&limit=100', token)).items
          .filter((l: { id: string }) => d.lineForce.has(l.id))
          .map((l: { exportingForce: string }) => l.exportingForce),
      ),
    expected: (s) => sorted(s.seeded),
  },
  'line holders': {
    read: async (d, token) =>
      sorted(
        (await get('/api/v1/line-holders?linkedLines=1', token)).items.map(
          (h: { holderRef: string }) => d.holderForce.get(h.holderRef)!,
        ),
      ),
    expected: (s) => sorted(s.seeded),
  },
  'deconfliction alerts': {
    read: async (d, token) =>
      sorted(
        // Other suites share the register and raise alerts of their own: only this suite's count.
        (await get('/api/v1/deconfliction/alerts', token)).items
          .filter((a: { lineIds: string[] }) => a.lineIds.some((id) => d.lineForce.has(id)))
          .flatMap((a: { forces: string[] }) => seededIn(a.forces)),
      ),
    expected: (s) => sorted(s.seeded),
  },
  DDTROs: {
    read: async (d, token) =>
      sorted(
        (await get('/api/v1/ddtros', token)).items.map((o: { lineId: string }) =>
          d.lineForce.get(o.lineId)!,
        ),
      ),
    expected: (s) => sorted(s.seeded),
  },
  'audit trails': {
    read: async (_d, token) => ({
      audit: (await api('GET', '/api/v1/audit', { token })).status,
      intelligence: (await api('GET', '/api/v1/intelligence/audit', { token })).status,
    }),
    expected: (s) =>
      s.who.role === 'nclcc'
        ? { audit: 200, intelligence: 200 }
        : { audit: 403, intelligence: 403 },
  },
};

describe('read scope matrix', () => {
  const d: Seeded = { week: '', lineForce: new Map(), holderForce: new Map() };

  beforeAll(async () => {
    d.week = (await createActiveWeek('Read scope week')).id;
    for (const force of SEEDED) {
      const res = await report(d.week, {
        type: 'arrest',
        force,
        occurredAt: hoursAgo(1),
        count: 1,
      });
      expect(res.status).toBe(202);
    }
    expect((await issue(d.week, { taskings: SEEDED.map((f) => taskingBody(f)) })).status).toBe(201);
    for (const force of SEEDED) {
      const holder = freshHolder();
      const number = freshNumber();
      const line = await registerLine({
        brand: freshBrand('Scope'),
        exportingForce: force,
        importingForces: [],
        numbers: [number],
        holderRefs: [holder],
      });
      await registerLine({
        brand: freshBrand('Scope partner'),
        exportingForce: PARTNER[force],
        importingForces: [],
        numbers: [freshNumber()],
        holderRefs: [holder],
      });
      d.lineForce.set(line.id, force);
      d.holderForce.set(holder, force);
      expect((await applyDdtros(line.id, [number])).status).toBe(201);
    }
    await boardAfter(d.week, SEEDED.length);
    const nclcc = await tokenFor({ role: 'nclcc' });
    await waitFor(
      () => get(`/api/v1/operations/${d.week}/board`, nclcc),
      (b) => b.taskings.issued === SEEDED.length,
      { timeoutMs: 20_000, what: 'the taskings on the board' },
    );
  });

  for (const [endpoint, spec] of Object.entries(ENDPOINTS)) {
    for (const [who, scope] of Object.entries(ROLES)) {
      it(`${endpoint}: ${who}`, async () => {
        expect(await spec.read(d, await tokenFor(scope.who))).toEqual(spec.expected(scope));
      });
    }
  }
});
