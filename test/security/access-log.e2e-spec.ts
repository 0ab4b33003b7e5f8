import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import {
  applyDdtros,
  freshBrand,
  freshHolder,
  freshNumber,
  registerLine,
} from '../support/intelligence';
import { createActiveWeek, MERSEYSIDE, MET, report } from '../support/scenario';

const PURPOSE = 'Deconfliction before the week of action';

interface PersonLevelRead {
  name: string;
  path: () => string;
  route: string;
  /** Person references the entry must name. */
  refs?: () => string[];
  exportKind?: string;
  rows?: () => number;
}

async function readAs(sub: string, path: string, purpose: string | null, correlationId?: string) {
  return api('GET', path, {
    token: await tokenFor({ role: 'nclcc', sub }),
    purpose,
    headers: correlationId ? { 'x-correlation-id': correlationId } : {},
  });
}

/** The access log as the NCLCC auditor reads it (that read is logged under the auditor). */
async function accessLog(query: string) {
  const res = await api('GET', `/api/v1/access-log?${query}`, {
    token: await tokenFor({ role: 'nclcc', sub: 'access-log-auditor' }),
    purpose: 'Audit',
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return res.body as { items: any[]; nextCursor: string | null };
}

describe('security: person-level reads need a purpose and are access-logged', () => {
  const holder = freshHolder();
  const shared = freshNumber();
  let lineId: string;
  let weekId: string;
  const outcomes = 3;

  beforeAll(async () => {
    const met = await registerLine({
      brand: freshBrand('Access'),
      exportingForce: MET,
      numbers: [shared],
      holderRefs: [holder],
    });
    await registerLine({
      brand: freshBrand('Access'),
      exportingForce: MERSEYSIDE,
      numbers: [shared],
      holderRefs: [holder],
    });
    lineId = met.id;
    expect((await applyDdtros(lineId, [shared])).status).toBe(201);
    weekId = (await createActiveWeek('Access log week')).id;
    for (let i = 0; i < outcomes; i++) {
      const res = await report(weekId, {
        type: 'arrest',
        force: MERSEYSIDE,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        count: 1,
        note: 'Found at the address after a tip-off',
      });
      expect(res.status).toBe(202);
    }
  });

  const READS: PersonLevelRead[] = [
    {
      name: 'line detail',
      path: () => `/api/v1/lines/${lineId}`,
      route: 'GET /api/v1/lines/:id',
      refs: () => [holder, shared],
    },
    {
      name: 'number search',
      path: () => `/api/v1/lines?q=${shared}`,
      route: 'GET /api/v1/lines',
      refs: () => [shared],
    },
    {
      name: 'holder list',
      path: () => '/api/v1/line-holders?limit=500',
      route: 'GET /api/v1/line-holders',
      refs: () => [holder],
    },
    {
      name: 'deconfliction alerts',
      path: () => '/api/v1/deconfliction/alerts?limit=500',
      route: 'GET /api/v1/deconfliction/alerts',
      refs: () => [holder, shared],
    },
    {
      name: 'DDTROs',
      path: () => `/api/v1/ddtros?lineId=${lineId}`,
      route: 'GET /api/v1/ddtros',
      refs: () => [shared],
    },
    {
      name: 'outcome list',
      path: () => `/api/v1/operations/${weekId}/outcomes`,
      route: 'GET /api/v1/operations/:operationId/outcomes',
    },
    {
      name: 'replacement alerts',
      path: () => '/api/v1/ddtros/replacement-alerts?limit=500',
      route: 'GET /api/v1/ddtros/replacement-alerts',
    },
    { name: 'audit', path: () => '/api/v1/audit', route: 'GET /api/v1/audit' },
    {
      name: 'intelligence audit',
      path: () => '/api/v1/intelligence/audit',
      route: 'GET /api/v1/intelligence/audit',
    },
    { name: 'access log', path: () => '/api/v1/access-log', route: 'GET /api/v1/access-log' },
    {
      name: 'outcomes CSV',
      path: () => `/api/v1/operations/${weekId}/outcomes.csv`,
      route: 'GET /api/v1/operations/:operationId/outcomes.csv',
      exportKind: 'outcomes-csv',
      rows: () => outcomes,
    },
    {
      name: 'force table CSV',
      path: () => `/api/v1/operations/${weekId}/board/forces.csv`,
      route: 'GET /api/v1/operations/:operationId/board/forces.csv',
      exportKind: 'forces-csv',
      rows: () => 44,
    },
    {
      name: 'summary PDF',
      path: () => `/api/v1/operations/${weekId}/summary.pdf`,
      route: 'GET /api/v1/operations/:operationId/summary.pdf',
      exportKind: 'summary-pdf',
    },
  ];

  it.each(READS)(
    '$name: 400 purpose_required without a purpose; with one, no-store and exactly one entry',
    async (read) => {
      const sub = `reader-${randomUUID()}`;
      const none = await readAs(sub, read.path(), null);
      expect(none.status).toBe(400);
      expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(none.body.code).toBe('purpose_required');
      expect(none.body.errors.map((e: { field: string }) => e.field)).toEqual(['X-Purpose']);
      const tooLong = await readAs(sub, read.path(), 'x'.repeat(201));
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.code).toBe('purpose_required');
      expect((await accessLog(`sub=${sub}`)).items).toEqual([]);

      const correlationId = `access-${randomUUID()}`;
      const ok = await readAs(sub, read.path(), PURPOSE, correlationId);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store');

      const { items } = await accessLog(`sub=${sub}`);
      expect(items).toHaveLength(1);
      const [entry] = items;
      expect(entry).toMatchObject({
        who: { sub, role: 'nclcc' },
        what: { route: read.route, path: read.path().split('?')[0] },
        purpose: PURPOSE,
        correlationId,
        export: read.exportKind ? { kind: read.exportKind } : null,
      });
      expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
      expect(entry.what.subjectRefs).toEqual(expect.arrayContaining(read.refs?.() ?? []));
      if (read.rows) expect(entry.export.rows).toBe(read.rows());
    },
  );

  it('filters by person reference and by reader, newest first', async () => {
    const sub = `reader-${randomUUID()}`;
    expect((await readAs(sub, `/api/v1/lines/${lineId}`, PURPOSE)).status).toBe(200);
    expect((await readAs(sub, `/api/v1/operations/${weekId}/outcomes`, PURPOSE)).status).toBe(200);

    const bySub = (await accessLog(`sub=${sub}`)).items;
    expect(bySub.map((e) => e.what.route)).toEqual([
      'GET /api/v1/operations/:operationId/outcomes',
      'GET /api/v1/lines/:id',
    ]);
    const byHolder = (await accessLog(`subjectRef=${holder}&limit=500`)).items;
    expect(byHolder.length).toBeGreaterThan(0);
    for (const e of byHolder) expect(e.what.subjectRefs).toContain(holder);
    expect(byHolder.some((e) => e.who.sub === sub)).toBe(true);
    const both = (await accessLog(`subjectRef=${holder}&sub=${sub}`)).items;
    expect(both).toHaveLength(1);
    expect(both[0].what.resourceIds).toEqual([lineId]);
    expect((await accessLog(`subjectRef=LH-NOBODY-1&sub=${sub}`)).items).toEqual([]);
  });

  it('pages with an opaque cursor through several pages, without gaps or repeats while entries arrive', async () => {
    const sub = `reader-${randomUUID()}`;
    const reads = 7;
    for (let i = 0; i < reads; i++)
      expect((await readAs(sub, `/api/v1/ddtros?lineId=${lineId}`, `Read ${i}`)).status).toBe(200);
    const seen: any[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await accessLog(`sub=${sub}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
      // Newer reads arrive between pages: they must not shift what the cursor gives next.
      expect((await readAs(sub, `/api/v1/ddtros?lineId=${lineId}`, 'Arriving')).status).toBe(200);
    }
    expect(pages).toBe(3);
    expect(seen.map((e) => e.purpose)).toEqual(
      Array.from({ length: reads }, (_, i) => `Read ${reads - 1 - i}`),
    );
    expect(new Set(seen.map((e) => e.id)).size).toBe(reads);

    const bad = await api('GET', '/api/v1/access-log?cursor=not-a-cursor', {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  it('is for the NCLCC only: 403 forbidden_scope for every other role', async () => {
    for (const who of [
      { role: 'regional', region: 'north-west' },
      { role: 'force', force: MERSEYSIDE },
      { role: 'commander' },
    ] as const) {
      const res = await api('GET', '/api/v1/access-log', { token: await tokenFor(who) });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden_scope');
    }
    expect((await api('GET', '/api/v1/access-log')).status).toBe(401);
  });

  it('logs no entry for a refused read, and asks no purpose where no person-level data is read', async () => {
    const sub = `reader-${randomUUID()}`;
    const token = await tokenFor({ role: 'force', force: MERSEYSIDE, sub });
    const refused = await api('GET', '/api/v1/intelligence/audit', { token });
    expect(refused.status).toBe(403);
    const board = await api('GET', `/api/v1/operations/${weekId}/board`, { token, purpose: null });
    expect(board.status).toBe(200);
    expect((await accessLog(`sub=${sub}`)).items).toEqual([]);
  });
});
