import { randomUUID } from 'node:crypto';
import { Locator } from 'playwright-core';
import { waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor } from '../support/api';
import { screenshot, useBrowserSessions } from '../support/browser';
import { runEnv } from '../support/run-env';
import { freshBrand, freshHolder, registerLine } from '../support/intelligence';
import {
  createActiveWeek,
  GREATER_MANCHESTER,
  MERSEYSIDE,
  MET,
  NORTH_WALES,
  report,
} from '../support/scenario';
import { issue, taskingBody, transition } from '../support/taskings';

const CHESHIRE = 'E23000006';

/** One attribute of every element a locator finds, in page order. */
const attributes = async (rows: Locator, name: string) =>
  Promise.all((await rows.all()).map((r) => r.getAttribute(name)));

/**
 * The focus-line scoreboard as a coordinator reads it: the board's "Focus lines" panel, live,
 * and the week summary that leads with it; every figure equal to the API's, pages axe-clean.
 */
describe('focus-line results on the board and in the summary', () => {
  const browser = useBrowserSessions();
  let week: { id: string };
  let token: string;
  const ids: Record<string, string> = {};

  const results = async () =>
    (await api('GET', `/api/v1/operations/${week.id}/focus-lines/results`, { token })).body;

  beforeAll(async () => {
    token = await tokenFor({ role: 'nclcc' });
    const holder = freshHolder();
    const line = async (
      key: string,
      exportingForce: string,
      importingForces: string[],
      holders: string[],
    ) =>
      (ids[key] = (
        await registerLine({
          brand: freshBrand(key),
          exportingForce,
          importingForces,
          holderRefs: holders,
        })
      ).id);
    await line('a', MET, [MERSEYSIDE], [holder]);
    await line('b', GREATER_MANCHESTER, [NORTH_WALES], []);
    await line('other', MERSEYSIDE, [CHESHIRE], [holder]);
    week = await createActiveWeek('Focus scoreboard week');
    expect(
      (
        await api('PUT', `/api/v1/operations/${week.id}/focus-lines`, {
          token,
          body: { lineIds: [ids.a, ids.b] },
        })
      ).status,
    ).toBe(200);
    const t = await issue(week.id, taskingBody(MET, { lineId: ids.a }));
    expect(t.status).toBe(201);
    for (const step of ['acknowledge', 'start', 'complete']) await transition(t.body.id, step);
    const at = new Date().toISOString();
    for (const body of [
      { type: 'line', force: MET, lineId: ids.a, action: 'closed-type1', occurredAt: at },
      {
        type: 'line',
        force: GREATER_MANCHESTER,
        lineId: ids.b,
        action: 'disrupted',
        occurredAt: at,
      },
      { type: 'arrest', force: MET, lineId: ids.a, count: 2, occurredAt: at },
    ])
      expect((await report(week.id, body)).status).toBe(202);
    await waitFor(results, (r) => r.totals.outcomes === 3 && r.totals.taskingsCompleted === 1, {
      what: 'the results to take in the setup',
    });
  });

  it('shows every focus line and the ranking on the board, live, equal to the API', async () => {
    const { page } = browser;
    await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
    await page.goto(`/board/${week.id}`);
    const panel = page.locator('#focus-results-panel');
    await panel.waitFor();
    const r = await results();
    const figure = (id: string) =>
      panel.locator(`[data-focus-figure=${id}]`).getAttribute('data-value');
    await waitFor(
      () => figure('disrupted'),
      (v) => v === String(r.totals.disrupted),
      {
        what: 'the panel to show the disrupted focus lines',
      },
    );
    expect(await figure('closed')).toBe(String(r.totals.closed));
    expect(await figure('holderLinesDisrupted')).toBe(String(r.totals.holderLinesDisrupted));
    expect(await panel.locator('tr[data-line-id]').count()).toBe(r.focusLines.length);
    for (const l of r.focusLines) {
      const row = panel.locator(`tr[data-line-id="${l.lineId}"]`);
      expect(await row.locator('th').first().textContent()).toContain(l.brand);
      expect(await row.locator('[data-col=taskings]').getAttribute('data-completed')).toBe(
        String(l.taskings.byStatus.completed),
      );
      expect(await row.locator('[data-col=outcomes]').getAttribute('data-count')).toBe(
        String(l.outcomes.count),
      );
      expect(await row.locator('[data-col=status]').getAttribute('data-now')).toBe(
        l.statusNow.status,
      );
      expect(await row.locator('[data-col=holders]').getAttribute('data-other-lines')).toBe(
        String(l.holders.otherLines),
      );
    }
    expect(await attributes(panel.locator('tr[data-force]'), 'data-force')).toEqual(
      r.forces.map((f: { force: string }) => f.force),
    );
    expect(await accessibilityFailures(page)).toEqual([]);

    // A holder's other line disrupted: the panel follows without a reload.
    const res = await report(week.id, {
      type: 'line',
      force: MERSEYSIDE,
      lineId: ids.other,
      action: 'disrupted',
      occurredAt: new Date().toISOString(),
    });
    expect(res.status).toBe(202);
    await waitFor(
      () => figure('holderLinesDisrupted'),
      (v) => v === '1',
      {
        timeoutMs: 5_000,
        intervalMs: 100,
        what: "the holder's other line to show as disrupted without a reload",
      },
    );
    expect(await panel.locator(`tr[data-force="${MERSEYSIDE}"]`).getAttribute('data-score')).toBe(
      '1',
    );
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'board-focus-lines');
  });

  it('leads the summary with focus-line results and safeguarding, forces ranked by disruption', async () => {
    const { page } = browser;
    const commander = await tokenFor({ role: 'commander' });
    await page.addInitScript(
      `sessionStorage.setItem('intensify.token', ${JSON.stringify(commander)})`,
    );
    await page.goto(`/board/${week.id}/summary`);
    await page.locator('body[data-state=ready]').waitFor();
    const r = await results();
    const headings = await page.locator('#summary > section > h2').allTextContents();
    expect(headings.slice(0, 3)).toEqual([
      'Focus lines',
      'Safeguarding',
      'Forces ranked by disruption',
    ]);
    expect(await page.locator('#focus-totals').textContent()).toContain(
      `${r.totals.disrupted} of ${r.totals.focusLines} focus lines disrupted`,
    );
    expect(await page.locator('#focus-lines tr[data-line-id]').count()).toBe(r.focusLines.length);
    const rows = page.locator('#focus-ranking tr[data-force]');
    const scores = await attributes(rows, 'data-score');
    const ranked = (await attributes(rows, 'data-force')).map((f, i) => [f, scores[i]]);
    expect(ranked).toEqual(
      r.forces.map((f: { force: string; score: number }) => [f.force, String(f.score)]),
    );
    // Merseyside made no arrest on a focus line yet ranks: disruption, not arrests, decides.
    expect(ranked.map(([f]) => f)).toContain(MERSEYSIDE);
    expect(await accessibilityFailures(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#focus-section').isVisible()).toBe(true);
    expect(await page.locator('#focus-ranking').isVisible()).toBe(true);
    await screenshot(page, 'board-summary-focus-lines');

    const pdf = await fetch(`${runEnv().gatewayUrl}/api/v1/operations/${week.id}/summary.pdf`, {
      headers: {
        authorization: `Bearer ${commander}`,
        'x-purpose': 'Week summary',
        'x-correlation-id': randomUUID(),
      },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
