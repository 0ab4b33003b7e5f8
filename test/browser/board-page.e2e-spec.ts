import { Page } from 'playwright-core';
import { waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor, Who } from '../support/api';
import { screenshot, useBrowserSessions } from '../support/browser';
import { runEnv } from '../support/run-env';
import {
  board,
  boardAfter,
  createActiveWeek,
  GREATER_MANCHESTER,
  hoursAgo,
  MERSEYSIDE,
  MET,
  report,
} from '../support/scenario';
import { platformHealthy, startService, stopService } from '../support/service-restarts';
import { counts, handoff, publishHandoffEvents } from '../safeguarding/board/handoff-events';

const KENT = 'E23000032';
const BTP = 'BTP';
/** The map's palette and greys, as the page module defines them (checked by its unit test). */
const VIRIDIS = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
const ZERO = '#f2f2f2';
const NO_DATA = '#d0d0d0';
const WALL = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };

/**
 * The commanders' live board at /board/{id}, in real headless Chromium against the running
 * platform: its figures are the API's, it changes live without a reload, it warns when the
 * stream drops and recovers by itself, and its focus map colours 44 cells from the figures.
 */
describe('live board page', () => {
  const browser = useBrowserSessions();
  let page: Page;
  /** One week with a seeded figure set, shared by the read-only tests. */
  let seeded: { id: string };

  beforeAll(async () => {
    seeded = await createActiveWeek('Board page week');
    const arrests: [string, number][] = [
      [MET, 23],
      [MERSEYSIDE, 12],
      [GREATER_MANCHESTER, 5],
      [BTP, 1],
    ];
    for (const [force, count] of arrests)
      expect((await report(seeded.id, arrest(force, count))).status).toBe(202);
    const others = [
      { type: 'safeguarding', force: MET, occurredAt: hoursAgo(3), children: 4, adults: 1 },
      {
        type: 'seizure',
        force: MERSEYSIDE,
        occurredAt: hoursAgo(5),
        cashPence: 1_250_050,
        drugs: [{ drug: 'crack', grams: 12.5, valuePence: 50_000 }],
        weapons: { bladed: 2, firearm: 1 },
      },
      { type: 'line', force: GREATER_MANCHESTER, occurredAt: hoursAgo(2), action: 'closed-type1' },
    ];
    for (const body of others) expect((await report(seeded.id, body)).status).toBe(202);
    await boardAfter(seeded.id, arrests.length + others.length);
  });
  beforeEach(() => {
    page = browser.page;
  });

  function arrest(force: string, count: number) {
    return { type: 'arrest', force, occurredAt: hoursAgo(1), count };
  }

  /** Opens the board signed in as `who` (the token put where the page's sign-in puts it). */
  async function openBoard(operationId: string, who: Who = { role: 'commander' }) {
    const token = await tokenFor(who);
    await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
    await page.goto(`/board/${operationId}`);
    await page.locator('#stream-status[data-state=live]').waitFor();
    await page.locator('#map .cell').first().waitFor();
  }

  const figureValue = async (id: string) =>
    Number(await page.locator(`[data-figure=${id}]`).getAttribute('data-value'));
  const cell = (force: string) => page.locator(`#map .cell[data-force="${force}"]`);

  it('serves the page for a week id only, and the map layout with its attribution', async () => {
    const gateway = runEnv().gatewayUrl;
    const html = await fetch(`${gateway}/board/${seeded.id}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(`${gateway}/board/not-a-week`)).status).toBe(404);
    expect((await fetch(`${gateway}/board/assets/map-model.js`)).status).toBe(200);
    const layout = await api('GET', '/api/v1/force-map');
    expect(layout.status).toBe(200);
    expect(layout.body.cells).toHaveLength(44);
    expect(layout.body.attribution).toContain('Open Government Licence v.3.0');
  });

  it('signs a national commander in through the form and shows the API figures', async () => {
    await page.goto(`/board/${seeded.id}`);
    await page.getByLabel('Commander').check();
    await page.locator('#sign-in-region').selectOption('');
    await page.getByLabel('User id').fill('commander-wall');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#stream-status[data-state=live]').waitFor();

    const figures = await board(seeded.id, await tokenFor({ role: 'commander' }));
    const n = figures.national;
    expect(await figureValue('arrests')).toBe(n.arrests);
    expect(n.arrests).toBe(41);
    expect(await figureValue('safeguardedChildren')).toBe(n.safeguardedChildren);
    expect(await figureValue('safeguardedAdults')).toBe(n.safeguardedAdults);
    expect(await figureValue('cashPence')).toBe(n.cashPence);
    expect(await figureValue('weapons')).toBe(
      n.weapons.firearm + n.weapons.bladed + n.weapons.other,
    );
    expect(await figureValue('linesClosed')).toBe(n.lines.closedType1 + n.lines.closedType2);
    expect(
      Number(
        await page.locator('[data-figure=drugs] [data-drug=crack]').getAttribute('data-grams'),
      ),
    ).toBe(n.drugs.crack.grams);
    // Whole pounds in large type, to the penny beneath.
    expect(await page.locator('[data-figure=cashPence] .figure-value').textContent()).toBe(
      '£12,501',
    );
    expect(await page.locator('[data-figure=cashPence] .figure-detail').textContent()).toBe(
      '£12,500.50',
    );
    // Every row of both tables against the API.
    for (const [code, tally] of Object.entries<any>(figures.regions)) {
      const row = page.locator(`#region-table tr[data-region="${code}"]`);
      expect(Number(await row.locator('[data-column=arrests]').getAttribute('data-value'))).toBe(
        tally.arrests,
      );
    }
    const rows = page.locator('#force-table tbody tr');
    expect(await rows.count()).toBe(44);
    for (const [code, tally] of Object.entries<any>(figures.forces)) {
      const row = page.locator(`#force-table tr[data-force="${code}"]`);
      expect(Number(await row.locator('[data-column=arrests]').getAttribute('data-value'))).toBe(
        tally.arrests,
      );
    }
    expect(await page.locator('#as-of').getAttribute('datetime')).toBe(figures.asOf);
  });

  it('draws 44 map cells coloured by the seeded figures, with a legend and a table view', async () => {
    await openBoard(seeded.id);
    expect(await page.locator('#map .cell').count()).toBe(44);
    // Arrests 23, 12, 5, 1 → bins of 5: 21–25 darkest, 11–15 middle, 1–5 lightest; Kent none.
    expect(await cell(MET).getAttribute('data-colour')).toBe(VIRIDIS[4]);
    expect(await cell(MERSEYSIDE).getAttribute('data-colour')).toBe(VIRIDIS[2]);
    expect(await cell(GREATER_MANCHESTER).getAttribute('data-colour')).toBe(VIRIDIS[0]);
    expect(await cell(BTP).getAttribute('data-colour')).toBe(VIRIDIS[0]);
    expect(await cell(KENT).getAttribute('data-colour')).toBe(ZERO);
    expect(await cell(MET).locator('polygon').getAttribute('fill')).toBe(VIRIDIS[4]);
    expect(await cell(MET).locator('.cell-code').textContent()).toBe('MPS');
    const legend = await page.locator('#legend li').allTextContents();
    expect(legend).toEqual(
      expect.arrayContaining(['None', '1–5', '6–10', '11–15', '16–20', '21–25']),
    );
    expect(await page.locator('#map-table-body tr').count()).toBe(44);
    expect(await page.locator('#attribution').textContent()).toContain('Crown copyright');

    await page.locator('#measure').selectOption('safeguarded');
    expect(await cell(MET).getAttribute('data-value')).toBe('5');
    expect(await cell(MERSEYSIDE).getAttribute('data-colour')).toBe(ZERO);

    await page.locator('#measure').selectOption('arrests');
    await page.setViewportSize(WALL);
    await screenshot(page, 'board-wall-1920x1080', false);
    await screenshot(page, 'board-wall-full-page');
    await page.setViewportSize(LAPTOP);
    await screenshot(page, 'board-laptop-1366x768', false);
    await screenshot(page, 'board-laptop-full-page');
  });

  it('colours by active lines importing and exporting and outlines focus forces, as GET /focus-map says', async () => {
    // At least one active line from the Met into Kent, whatever else the register holds.
    const line = await api('POST', '/api/v1/lines', {
      token: await tokenFor({ role: 'nclcc' }),
      body: { brand: `Board map ${Date.now()}`, exportingForce: MET, importingForces: [KENT] },
    });
    expect(line.status).toBe(201);
    const focusMap = await waitFor(
      async () =>
        api('GET', `/api/v1/operations/${seeded.id}/focus-map`, {
          token: await tokenFor({ role: 'commander' }),
        }),
      (m) => m.status === 200 && m.body.forces[KENT].activeLinesImporting > 0,
      { timeoutMs: 10_000, intervalMs: 200, what: 'the new line on the focus map' },
    );
    await openBoard(seeded.id);
    expect(focusMap.status).toBe(200);
    const offered = await page
      .locator('#measure option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(offered).toEqual([
      'arrests',
      'safeguarded',
      'overdue',
      'handoffsOverdue',
      'importing',
      'exporting',
    ]);
    const forces = Object.entries<any>(focusMap.body.forces);
    expect(forces).toHaveLength(44);
    for (const [measure, key] of [
      ['exporting', 'activeLinesExporting'],
      ['importing', 'activeLinesImporting'],
    ]) {
      await page.locator('#measure').selectOption(measure);
      for (const [force, f] of forces)
        expect([force, await cell(force).getAttribute('data-value')]).toEqual([
          force,
          String(f[key]),
        ]);
    }
    for (const [force, f] of forces)
      expect([force, (await cell(force).getAttribute('class'))?.includes('focus')]).toEqual([
        force,
        f.focusForce,
      ]);
    // The week was created with Merseyside as its focus force.
    expect(focusMap.body.forces[MERSEYSIDE].focusForce).toBe(true);
  });

  it('shows the hand-offs beside the taskings, live, and colours the map by overdue hand-offs at the home force', async () => {
    const op = await createActiveWeek('Hand-offs board week');
    const late = handoff(op.id, MET);
    const waiting = handoff(op.id, MET);
    const taken = handoff(op.id, KENT);
    await publishHandoffEvents([
      late.raise(),
      late.overdue(),
      waiting.raise(),
      taken.raise(),
      taken.acknowledge(),
    ]);
    const national = counts({ raised: 2, acknowledged: 1, overdue: 1 });
    await waitFor(
      () => board(op.id),
      (b) => JSON.stringify(b.handoffs) === JSON.stringify(national),
      { what: 'the hand-offs on the board' },
    );
    await openBoard(op.id);
    await page.evaluate('window.__sameDocument = true');
    const handoffs = async (state: string) =>
      Number(
        await page
          .locator(`[data-figure=handoffs] [data-handoffs=${state}]`)
          .getAttribute('data-value'),
      );
    expect(await handoffs('raised')).toBe(2);
    expect(await handoffs('acknowledged')).toBe(1);
    expect(await handoffs('overdue')).toBe(1);
    // Beside the taskings figures, in the national band.
    const order = await page
      .locator('#figures > li')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-figure')));
    expect(order.indexOf('handoffs')).toBe(order.indexOf('taskingsOverdue') + 1);

    // Keyboard: tab to the button beside "Colour by" and press it.
    await page.locator('#measure').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('handoffs-toggle');
    await page.keyboard.press('Enter');
    expect(await page.locator('#handoffs-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#measure').inputValue()).toBe('handoffsOverdue');
    expect(await cell(MET).getAttribute('data-value')).toBe('1');
    expect(await cell(MET).getAttribute('data-colour')).toBe(VIRIDIS[2]);
    expect(await cell(KENT).getAttribute('data-colour')).toBe(ZERO);
    expect(await page.locator('#legend .legend-title').textContent()).toBe(
      'Overdue hand-offs (home force)',
    );
    expect(await page.locator('#legend .legend-note').textContent()).toContain('home force');
    expect(await page.locator('#legend li').allTextContents()).toEqual(
      expect.arrayContaining(['None', '1']),
    );
    expect(await cell(MET).getAttribute('aria-label')).toContain(
      'Overdue hand-offs (home force) 1',
    );
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'board-handoffs-overdue');

    // Live, without a reload: the waiting hand-off goes overdue too.
    await publishHandoffEvents([waiting.overdue()]);
    await page.locator('[data-figure=handoffs] [data-handoffs=overdue][data-value="2"]').waitFor();
    await page.locator(`#map .cell[data-force="${MET}"][data-value="2"]`).waitFor();
    expect(await page.evaluate('window.__sameDocument')).toBe(true);

    // Pressed again, the map goes back to what it showed before.
    await page.locator('#handoffs-toggle').press('Space');
    expect(await page.locator('#handoffs-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#measure').inputValue()).toBe('arrests');
    await page.locator('#measure').selectOption('handoffsOverdue');
    expect(await page.locator('#handoffs-toggle').getAttribute('aria-pressed')).toBe('true');
  });

  it('changes a figure within two seconds of a new outcome, without reloading', async () => {
    const op = await createActiveWeek('Live change week');
    await openBoard(op.id);
    await page.evaluate('window.__sameDocument = true');
    expect(await figureValue('arrests')).toBe(0);
    const posted = await report(op.id, arrest(KENT, 3));
    const accepted = Date.now();
    expect(posted.status).toBe(202);
    await page.locator('[data-figure=arrests][data-value="3"]').waitFor({ timeout: 2_000 });
    const elapsed = Date.now() - accepted;
    expect(elapsed).toBeLessThan(2_000);
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    expect(await cell(KENT).getAttribute('data-value')).toBe('3');
    expect(
      await page
        .locator('#force-table tr[data-force="E23000032"] [data-column=arrests]')
        .textContent(),
    ).toBe('3');
    // The timeline catches up too (it is re-read after changes).
    await page.locator('#timeline[data-total="1"]').waitFor();
  });

  it('finds a force on the map by keyboard and filters the tables to it', async () => {
    await openBoard(seeded.id);
    await cell(MET).focus();
    expect(await page.locator('#cell-detail h3').textContent()).toBe('Metropolitan Police Service');
    expect(await cell(MET).getAttribute('aria-label')).toContain('Arrests 23');
    await page.keyboard.press('Enter');
    await page.locator('#filter-bar').waitFor();
    expect(await page.locator('#force-table tbody tr').count()).toBe(1);
    expect(await page.locator('#force-table tbody tr').getAttribute('data-force')).toBe(MET);
    expect(await page.locator('#region-table tr.selected').getAttribute('data-region')).toBe(
      'london',
    );
    await page.locator('#timeline-scope', { hasText: 'Metropolitan' }).waitFor();
    expect(await cell(MET).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Show all forces' }).click();
    expect(await page.locator('#force-table tbody tr').count()).toBe(44);

    await page.locator('#force-table button.sort[data-key=arrests]').click();
    expect(await page.locator('#force-table th[aria-sort]').textContent()).toContain('Arrests');
    expect(await page.locator('#force-table tbody tr').first().getAttribute('data-force')).toBe(
      MET,
    );
  });

  it('highlights a scoped commander’s region and shows no figures beyond it', async () => {
    await openBoard(seeded.id, { role: 'commander', region: 'north-west' });
    expect(await page.locator('#map-scope').textContent()).toContain('North West');
    expect(await cell(MERSEYSIDE).getAttribute('data-colour')).not.toBe(NO_DATA);
    expect(await cell(MERSEYSIDE).getAttribute('class')).not.toContain('outside');
    expect(await cell(MET).getAttribute('data-colour')).toBe(NO_DATA);
    expect(await cell(MET).getAttribute('class')).toContain('outside');
    expect(await page.locator('#force-table tbody tr').count()).toBe(6);
    await cell(MET).click();
    expect(await page.locator('#filter-bar').isHidden()).toBe(true);
    await cell(MERSEYSIDE).click();
    expect(await page.locator('#force-table tbody tr').count()).toBe(1);
    // National figures stay national for everyone.
    expect(await figureValue('arrests')).toBe(41);
    await screenshot(page, 'board-scoped-north-west');
  });

  it('notices a stream that stays open but silent, warns and reconnects', async () => {
    const op = await createActiveWeek('Silent stream week');
    // The stream's request is held open and never answered: no error, no data, as when a
    // proxy or a half-dead connection swallows it.
    let hold = true;
    await page.route('**/board/stream**', async (route) => {
      if (hold) return; // never answered
      await route.continue();
    });
    await page.clock.install();
    const token = await tokenFor({ role: 'commander' });
    await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
    await page.goto(`/board/${op.id}`);
    // The page is built but waits for its first board, which never comes.
    await page.locator('#map .cell').first().waitFor({ state: 'attached' });
    expect(await page.locator('#stale-warning').isHidden()).toBe(true);
    await page.clock.runFor(21_000); // past the page's 20 s watch
    await page.locator('#stale-warning').waitFor({ state: 'visible', timeout: 5_000 });
    expect(await page.locator('#stream-status').getAttribute('data-state')).toBe('stale');
    hold = false;
    await page.clock.runFor(2_000); // the first retry
    await page.locator('#stream-status[data-state=live]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#stale-warning').isHidden()).toBe(true);
    await page.unroute('**/board/stream**');
  });

  it('warns when the stream drops, reconnects by itself and is live again', async () => {
    const op = await createActiveWeek('Stream drop week');
    await openBoard(op.id);
    expect(await page.locator('#stale-warning').isHidden()).toBe(true);
    await stopService('gateway', 'SIGTERM');
    try {
      await page.locator('#stale-warning').waitFor({ state: 'visible', timeout: 5_000 });
      expect(await page.locator('#stale-warning').textContent()).toMatch(
        /Live updates stopped at .+ may be out of date; reconnecting/,
      );
      expect(await page.locator('#stream-status').getAttribute('data-state')).toBe('stale');
      await screenshot(page, 'board-stream-dropped');
    } finally {
      startService('gateway');
      await platformHealthy();
    }
    await page.locator('#stream-status[data-state=live]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#stale-warning').isHidden()).toBe(true);
    expect((await report(op.id, arrest(MET, 2))).status).toBe(202);
    await page.locator('[data-figure=arrests][data-value="2"]').waitFor({ timeout: 5_000 });
    await waitFor(
      async () => (await board(op.id)).national.arrests,
      (n) => n === 2,
      { timeoutMs: 5_000, what: 'the API to agree' },
    );
  });
});
