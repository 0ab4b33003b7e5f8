import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { freePort, waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, TEST_PURPOSE, tokenFor } from '../support/api';
import { screenshot, SCREENSHOT_DIR, useBrowserSessions } from '../support/browser';
import { runEnv } from '../support/run-env';
import {
  board,
  boardAfter,
  createActiveWeek,
  GREATER_MANCHESTER,
  MERSEYSIDE,
  MET,
  report,
} from '../support/scenario';
import { startService, stopService } from '../support/service-restarts';
import { counts, handoff, KENT, publishHandoffEvents } from '../safeguarding/board/handoff-events';

/** An instant `h` hours before the current hour began, plus `m` minutes. */
const hourStart = (h: number, m = 0) =>
  new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - h * 3_600_000 + m * 60_000);

/**
 * The week's summary (page and PDF rendered by the gateway's headless Chromium), the CSV
 * exports and the outcomes-per-hour timeline, against the running platform.
 */
describe('week summary, exports and timeline', () => {
  const browser = useBrowserSessions();
  let week: { id: string };
  let nclcc: string;
  /** Outcome ids posted, and how many per hour and force, to check exports and timeline. */
  const posted: string[] = [];

  beforeAll(async () => {
    nclcc = await tokenFor({ role: 'nclcc' });
    week = await createActiveWeek('Summary week');
    const bodies = [
      { type: 'arrest', force: MET, occurredAt: hourStart(3, 10).toISOString(), count: 9 },
      { type: 'arrest', force: MET, occurredAt: hourStart(3, 50).toISOString(), count: 1 },
      {
        type: 'safeguarding',
        force: MERSEYSIDE,
        occurredAt: hourStart(3, 20).toISOString(),
        children: 2,
        note: '=HYPERLINK("http://example.invalid")',
      },
      {
        type: 'line',
        force: MERSEYSIDE,
        occurredAt: hourStart(1, 5).toISOString(),
        action: 'closed-type2',
      },
      {
        type: 'arrest',
        force: GREATER_MANCHESTER,
        occurredAt: hourStart(1, 30).toISOString(),
        count: 4,
      },
    ];
    for (const body of bodies) {
      const res = await report(week.id, body);
      expect(res.status).toBe(202);
      posted.push(res.body.id);
    }
    // A correction moving Greater Manchester's arrest to Merseyside, an hour earlier; a retraction.
    const moved = await api('POST', `/api/v1/outcomes/${posted[4]}/corrections`, {
      token: nclcc,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        type: 'arrest',
        force: MERSEYSIDE,
        occurredAt: hourStart(2, 30).toISOString(),
        count: 4,
      },
    });
    expect(moved.status).toBe(202);
    const retracted = await api('POST', `/api/v1/outcomes/${posted[1]}/retraction`, {
      token: nclcc,
      body: { reason: 'Entered twice' },
    });
    expect(retracted.status).toBe(202);
    await boardAfter(week.id, bodies.length + 2);
  });

  it('counts outcomes per hour of occurredAt, following corrections and retractions', async () => {
    const timeline = await api('GET', `/api/v1/operations/${week.id}/board/timeline`, {
      token: nclcc,
    });
    expect(timeline.status).toBe(200);
    const hours = Object.fromEntries(timeline.body.hours.map((h: any) => [h.hour, h]));
    // Hour −3: Met's first arrest (the second was retracted) and Merseyside's safeguarding.
    expect(hours[hourStart(3).toISOString()]).toMatchObject({
      arrest: 1,
      safeguarding: 1,
      total: 2,
    });
    // The corrected arrest sits in its new hour (−2), not its first (−1), which keeps the line.
    expect(hours[hourStart(2).toISOString()]).toMatchObject({ arrest: 1, total: 1 });
    expect(hours[hourStart(1).toISOString()]).toMatchObject({ arrest: 0, line: 1, total: 1 });
    expect(
      timeline.body.hours.map((h: any) => h.total).reduce((a: number, b: number) => a + b),
    ).toBe(4);

    const merseyside = await api(
      'GET',
      `/api/v1/operations/${week.id}/board/timeline?force=${MERSEYSIDE}`,
      { token: nclcc },
    );
    expect(merseyside.body.force).toBe(MERSEYSIDE);
    expect(merseyside.body.hours.map((h: any) => h.total)).toEqual([1, 1, 1]);
  });

  it('refuses timeline filters beyond the caller’s scope or unknown, naming the field', async () => {
    const northWest = await tokenFor({ role: 'commander', region: 'north-west' });
    const path = `/api/v1/operations/${week.id}/board/timeline`;
    expect((await api('GET', `${path}?force=${MERSEYSIDE}`, { token: northWest })).status).toBe(
      200,
    );
    expect((await api('GET', `${path}?region=north-west`, { token: northWest })).status).toBe(200);
    const other = await api('GET', `${path}?force=${MET}`, { token: northWest });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('forbidden_scope');
    const bad = await api('GET', `${path}?force=nowhere&colour=red`, { token: nclcc });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['colour', 'force']);
    const missing = await api('GET', `/api/v1/operations/${randomUUID()}/board/timeline`, {
      token: nclcc,
    });
    expect(missing.status).toBe(404);
  });

  it('exports the force table as CSV with the board’s figures, scoped like the board', async () => {
    const res = await fetch(
      `${runEnv().gatewayUrl}/api/v1/operations/${week.id}/board/forces.csv`,
      {
        headers: { authorization: `Bearer ${nclcc}`, 'x-purpose': TEST_PURPOSE },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const rows: Record<string, string>[] = parse(await res.text(), { columns: true });
    expect(rows).toHaveLength(44);
    const figures = await board(week.id);
    for (const row of rows) {
      const t = figures.forces[row.force];
      expect(Number(row.arrests)).toBe(t.arrests);
      expect(Number(row.safeguardedChildren)).toBe(t.safeguardedChildren);
      expect(Number(row.lines_closedType2)).toBe(t.lines.closedType2);
      expect(Number(row.taskings_overdue)).toBe(figures.taskingsByForce[row.force].overdue);
    }
    expect(rows.find((r) => r.force === MERSEYSIDE)!.arrests).toBe('4');

    const regional = await tokenFor({ role: 'regional', region: 'north-west' });
    const scoped = await fetch(
      `${runEnv().gatewayUrl}/api/v1/operations/${week.id}/board/forces.csv`,
      { headers: { authorization: `Bearer ${regional}`, 'x-purpose': TEST_PURPOSE } },
    );
    const scopedRows: Record<string, string>[] = parse(await scoped.text(), { columns: true });
    expect(scopedRows.map((r) => r.region)).toEqual(Array(6).fill('north-west'));
  });

  it('exports every outcome as CSV page by page, latest versions, retractions marked', async () => {
    // Enough rows for several internal pages of 500.
    const extra = await createActiveWeek('Export paging week');
    const csv = [
      'idempotencyKey,type,force,occurredAt,count',
      ...Array.from(
        { length: 1203 },
        (_, i) => `k${i},arrest,${MET},${hourStart(2).toISOString()},1`,
      ),
    ].join('\n');
    const imported = await api('POST', `/api/v1/operations/${extra.id}/outcomes/import`, {
      token: nclcc,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.body.accepted).toBe(1203);
    const big = await fetch(`${runEnv().gatewayUrl}/api/v1/operations/${extra.id}/outcomes.csv`, {
      headers: { authorization: `Bearer ${nclcc}`, 'x-purpose': TEST_PURPOSE },
    });
    const bigRows: Record<string, string>[] = parse(await big.text(), { columns: true });
    expect(bigRows).toHaveLength(1203);
    expect(new Set(bigRows.map((r) => r.id)).size).toBe(1203);

    const res = await fetch(`${runEnv().gatewayUrl}/api/v1/operations/${week.id}/outcomes.csv`, {
      headers: { authorization: `Bearer ${nclcc}`, 'x-purpose': TEST_PURPOSE },
    });
    expect(res.status).toBe(200);
    const rows: Record<string, string>[] = parse(await res.text(), { columns: true });
    expect(rows.map((r) => r.id).sort()).toEqual([...posted].sort());
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(posted[1])!.status).toBe('retracted');
    expect(byId.get(posted[4])).toMatchObject({ force: MERSEYSIDE, version: '2', count: '4' });
    // A note a spreadsheet would run as a formula is written as text.
    expect(byId.get(posted[2])!.note).toBe(`'=HYPERLINK("http://example.invalid")`);

    const regional = await tokenFor({ role: 'regional', region: 'london' });
    const scoped = await fetch(`${runEnv().gatewayUrl}/api/v1/operations/${week.id}/outcomes.csv`, {
      headers: { authorization: `Bearer ${regional}`, 'x-purpose': TEST_PURPOSE },
    });
    const scopedRows: Record<string, string>[] = parse(await scoped.text(), { columns: true });
    expect(scopedRows.map((r) => r.force)).toEqual([MET, MET]);
    expect(
      (await api('GET', `/api/v1/operations/${randomUUID()}/outcomes.csv`, { token: nclcc }))
        .status,
    ).toBe(404);
    expect((await api('GET', `/api/v1/operations/${week.id}/outcomes.csv`)).status).toBe(401);
  });

  it('shows a printable summary page with the board’s figures', async () => {
    const { page } = browser;
    const token = await tokenFor({ role: 'commander' });
    await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
    await page.goto(`/board/${week.id}/summary`);
    await page.locator('body[data-state=ready]').waitFor();
    const figures = await board(week.id, token);
    expect(await page.locator('#page-title').textContent()).toBe('Summary week: week summary');
    const arrests = page.locator('#national tr', { hasText: 'Arrests' }).first().locator('td');
    expect(await arrests.textContent()).toBe(String(figures.national.arrests));
    expect(await page.locator('#regions tr[data-region]').count()).toBe(10);
    expect(
      await page.locator('#regions tr[data-region="north-west"] td').first().textContent(),
    ).toBe(String(figures.regions['north-west'].arrests));
    expect(await page.locator('[data-top=Arrests] li').first().textContent()).toBe(
      'Metropolitan Police Service: 9',
    );
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'board-summary');
  });

  it('lists the week’s safeguarding hand-offs by home region, on screen and in print', async () => {
    const late = handoff(week.id, MET);
    const moved = handoff(week.id, MET);
    const done = handoff(week.id, KENT);
    await publishHandoffEvents([
      late.raise(),
      late.overdue(),
      moved.raise(),
      moved.redirect(KENT),
      moved.acknowledge(),
      done.raise(),
      done.acknowledge(),
      done.close(),
    ]);
    const token = await tokenFor({ role: 'commander' });
    const figures = await waitFor(
      () => board(week.id, token),
      (b) => b.handoffs.raised + b.handoffs.acknowledged + b.handoffs.closed === 3,
      { what: 'the hand-offs on the board' },
    );
    expect(figures.handoffs).toEqual(counts({ raised: 1, acknowledged: 1, closed: 1, overdue: 1 }));
    const { page } = browser;
    await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
    await page.goto(`/board/${week.id}/summary`);
    await page.locator('body[data-state=ready]').waitFor();
    expect(await page.locator('#handoffs-national').textContent()).toContain(
      'Nationally 3 hand-offs of people found away from home: 1 awaiting acknowledgement by their home force (1 overdue), 1 acknowledged, 1 closed.',
    );
    const cellsOf = (where: string) => page.locator(`#handoffs tr${where} td`).allTextContents();
    expect(await page.locator('#handoffs tr[data-region]').count()).toBe(10);
    expect(await cellsOf('[data-region=london]')).toEqual(['1', '1', '0', '0', '1']);
    expect(await cellsOf('[data-region=eastern]')).toEqual(['2', '0', '1', '1', '0']);
    expect(await cellsOf('[data-region=north-west]')).toEqual(['0', '0', '0', '0', '0']);
    expect(await cellsOf('.total')).toEqual(['3', '1', '1', '1', '1']);
    expect(await accessibilityFailures(page)).toEqual([]);
    // The PDF is this page printed: the section must survive print styles.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#handoffs-heading').isVisible()).toBe(true);
    expect(await page.locator('#handoffs tr.total').isVisible()).toBe(true);

    const london = await tokenFor({ role: 'commander', region: 'london' });
    const scoped = await browser.session.context.newPage();
    await scoped.addInitScript(
      `sessionStorage.setItem('intensify.token', ${JSON.stringify(london)})`,
    );
    await scoped.goto(`/board/${week.id}/summary`);
    await scoped.locator('body[data-state=ready]').waitFor();
    expect(
      await scoped
        .locator('#handoffs tr[data-region]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region'))),
    ).toEqual(['london']);
  });

  it('limits a scoped commander’s summary to its own region beside the national figures', async () => {
    const { page } = browser;
    const token = await tokenFor({ role: 'commander', region: 'north-west' });
    await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
    await page.goto(`/board/${week.id}/summary`);
    await page.locator('body[data-state=ready]').waitFor();
    expect(await page.locator('#subtitle').textContent()).toContain('detail for North West only');
    expect(await page.locator('#regions tr[data-region]').count()).toBe(1);
    expect(await page.locator('[data-top=Arrests] li').allTextContents()).toEqual([
      'Merseyside: 4',
    ]);
  });

  it('renders the summary as a PDF with headless Chromium, in the caller’s scope', async () => {
    const res = await fetch(`${runEnv().gatewayUrl}/api/v1/operations/${week.id}/summary.pdf`, {
      headers: {
        authorization: `Bearer ${await tokenFor({ role: 'commander' })}`,
        'x-purpose': TEST_PURPOSE,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.toString('latin1')).toMatch(/\/Type\s*\/Page\b/);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'board-summary.pdf'), pdf);

    const missing = await api('GET', `/api/v1/operations/${randomUUID()}/summary.pdf`, {
      token: nclcc,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    expect((await api('GET', `/api/v1/operations/${week.id}/summary.pdf`)).status).toBe(401);
  });

  it('answers 503 naming Chromium when it is missing, and serves the rest as usual', async () => {
    const port = await freePort();
    startService('gateway', 'gateway-without-chromium', {
      PORT: String(port),
      CHROMIUM_PATH: '/nonexistent/chromium',
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitFor(
        () =>
          fetch(`${url}/api/v1/regions`)
            .then((r) => r.status)
            .catch(() => 0),
        (s) => s === 200,
        { timeoutMs: 30_000, what: 'the second gateway' },
      );
      const res = await fetch(`${url}/api/v1/operations/${week.id}/summary.pdf`, {
        headers: { authorization: `Bearer ${nclcc}`, 'x-purpose': TEST_PURPOSE },
      });
      expect(res.status).toBe(503);
      const problem: any = await res.json();
      expect(problem.code).toBe('service_unavailable');
      expect(problem.detail).toContain('/nonexistent/chromium');
    } finally {
      await stopService('gateway-without-chromium', 'SIGTERM');
    }
  });
});
