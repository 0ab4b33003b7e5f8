import { randomUUID } from 'node:crypto';
import { Page } from 'playwright-core';
import { waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor } from '../support/api';
import { screenshot, useBrowserSessions } from '../support/browser';
import { board, boardAfter, createActiveWeek, hoursAgo, MET, report } from '../support/scenario';
import { counts, handoff, KENT, publishHandoffEvents } from '../safeguarding/board/handoff-events';

const COMMANDER = { role: 'commander' as const };
/** Tests that open the whole board several times: slow on a shared, busy machine. */
const SLOW_MS = 180_000;

/**
 * The board as a commander uses it, keyboard only: every figure of the API's board (phones,
 * cuckooed addresses, DDTROs, hand-offs) in the national band and the tables, what changed since
 * they last looked marked in words, live updates that can be paused, and the wall layout.
 */
describe('board for commanders', () => {
  const browser = useBrowserSessions();
  let page: Page;
  let week: { id: string };

  beforeAll(async () => {
    week = await createActiveWeek('Commander board week');
    const bodies = [
      { type: 'seizure', force: MET, occurredAt: hoursAgo(3), phones: 7 },
      { type: 'safeguarding', force: MET, occurredAt: hoursAgo(2), cuckooedAddressesVisited: 4 },
      {
        type: 'line',
        force: KENT,
        occurredAt: hoursAgo(1),
        action: 'closed-type2',
        ddtroApplied: 3,
        ddtroGranted: 2,
      },
    ];
    for (const body of bodies) expect((await report(week.id, body)).status).toBe(202);
    const open = handoff(week.id, MET);
    const late = handoff(week.id, MET);
    const done = handoff(week.id, KENT);
    await publishHandoffEvents([
      open.raise(),
      late.raise(),
      late.overdue(),
      done.raise(),
      done.acknowledge(),
      done.close(),
    ]);
    await boardAfter(week.id, bodies.length);
    await waitFor(
      () => board(week.id),
      (b) =>
        JSON.stringify(b.handoffs) === JSON.stringify(counts({ raised: 2, overdue: 1, closed: 1 })),
      { what: 'the hand-offs on the board' },
    );
  });
  beforeEach(() => {
    page = browser.page;
  });

  /** Opens the board as a commander of this test's own (so its figures last seen are its own). */
  async function openBoard(sub: string, query = '') {
    const token = await tokenFor({ ...COMMANDER, sub });
    await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
    await page.goto(`/board/${week.id}${query}`);
    await page.locator('#stream-status[data-state=live]').waitFor();
    await page.locator('#figures [data-figure=arrests]').waitFor();
  }

  /** Reports an arrest and waits until the board has counted it. */
  async function arrestCounted(force: string, count: number) {
    const events = (await board(week.id)).eventsApplied;
    const body = { type: 'arrest', force, occurredAt: hoursAgo(1), count };
    expect((await report(week.id, body)).status).toBe(202);
    await boardAfter(week.id, events + 1);
  }

  const value = async (selector: string) =>
    Number(await page.locator(selector).getAttribute('data-value'));
  /** Every row of a table as row key → column → value, read in one go. */
  const columnsOf = (table: string, key: string) =>
    page.evaluate<Record<string, Record<string, number>>>(
      `Object.fromEntries([...document.querySelectorAll('#${table} tbody tr')].map((r) => [
        r.dataset.${key},
        Object.fromEntries([...r.querySelectorAll('[data-column]')].map((c) =>
          [c.dataset.column, Number(c.dataset.value)])),
      ]))`,
    );
  const figure = (id: string) => value(`#figures [data-figure=${id}]`);

  it(
    'shows every figure of the API board, as figures and in the region and force tables',
    async () => {
      await openBoard(`commander-figures-${randomUUID()}`);
      const api_ = await board(week.id, await tokenFor(COMMANDER));
      const n = api_.national;
      expect(await figure('phones')).toBe(n.phones);
      expect(n.phones).toBe(7);
      expect(await figure('cuckooedAddressesVisited')).toBe(n.cuckooedAddressesVisited);
      expect(await figure('ddtroApplied')).toBe(n.lines.ddtroApplied);
      expect(await figure('ddtroGranted')).toBe(n.lines.ddtroGranted);
      expect([n.cuckooedAddressesVisited, n.lines.ddtroApplied, n.lines.ddtroGranted]).toEqual([
        4, 3, 2,
      ]);
      for (const state of ['raised', 'acknowledged', 'overdue', 'closed'])
        expect([state, await value(`[data-figure=handoffs] [data-handoffs=${state}]`)]).toEqual([
          state,
          api_.handoffs[state],
        ]);

      const columns: [string, (t: any, h: any) => number][] = [
        ['phones', (t) => t.phones],
        ['cuckooed', (t) => t.cuckooedAddressesVisited],
        ['ddtroApplied', (t) => t.lines.ddtroApplied],
        ['ddtroGranted', (t) => t.lines.ddtroGranted],
        ['handoffsRaised', (t, h) => h.raised],
        ['handoffsOverdue', (t, h) => h.overdue],
        ['handoffsClosed', (t, h) => h.closed],
      ];
      const forces = await columnsOf('force-table', 'force');
      for (const force of [MET, KENT])
        for (const [column, of] of columns)
          expect([force, column, forces[force][column]]).toEqual([
            force,
            column,
            of(api_.forces[force], api_.handoffsByForce[force]),
          ]);
      const regions = await columnsOf('region-table', 'region');
      expect(Object.keys(regions).sort()).toEqual(Object.keys(api_.regions).sort());
      for (const [region, tally] of Object.entries<any>(api_.regions))
        for (const [column, of] of columns)
          expect([region, column, regions[region][column]]).toEqual([
            region,
            column,
            of(tally, api_.handoffsByRegion[region]),
          ]);

      // The register's DDTROs, which a national commander may read.
      await page.locator('#ddtro-panel').waitFor();
      const stats = await api('GET', '/api/v1/ddtros/stats', { token: await tokenFor(COMMANDER) });
      expect(stats.status).toBe(200);
      for (const key of ['applied', 'granted', 'actioned', 'refused', 'providerOverdue'])
        expect([key, await value(`#ddtro-stats [data-ddtro=${key}]`)]).toEqual([
          key,
          stats.body[key],
        ]);
      expect(await accessibilityFailures(page)).toEqual([]);
      await screenshot(page, 'board-commander-01-every-figure');
    },
    SLOW_MS,
  );

  it(
    'marks what changed since the commander last looked, and what changes live',
    async () => {
      const sub = `commander-seen-${randomUUID()}`;
      await openBoard(sub);
      const before = await figure('arrests');
      await page.locator('#seen-status', { hasText: 'No figures have changed' }).waitFor();
      expect(await page.locator('#figures .change-cue').count()).toBe(0);
      // Away from the board, to the list of weeks.
      await page.goto('/board');
      await page.locator('#week-list li').first().waitFor();

      // Between the two visits: a new outcome.
      await arrestCounted(MET, 2);

      await openBoard(sub);
      expect(await figure('arrests')).toBe(before + 2);
      const arrests = page.locator('#figures [data-figure=arrests]');
      await page
        .locator('#seen-status', { hasText: '1 figure has changed since you last looked' })
        .waitFor();
      expect(await arrests.getAttribute('class')).toContain('changed');
      expect(await arrests.locator('.change-cue').textContent()).toMatch(/^ \+2 since \d\d:\d\d$/);
      expect(await page.locator('#figures .change-cue').count()).toBe(1);
      expect(await accessibilityFailures(page)).toEqual([]);
      await screenshot(page, 'board-commander-02-since-last-looked');

      // Live: another arrest while the board is open is marked as the latest update.
      await arrestCounted(KENT, 1);
      await page.locator(`#figures [data-figure=arrests][data-value="${before + 3}"]`).waitFor();
      expect(await arrests.locator('.change-cue').textContent()).toMatch(
        /^ \+3 since \d\d:\d\d, in the latest update$/,
      );

      // Marked as seen by keyboard: no marks, and none on the next visit either.
      await page.locator('#mark-seen').focus();
      await page.keyboard.press('Enter');
      await page.locator('#seen-status', { hasText: 'No figures have changed' }).waitFor();
      expect(await page.locator('#figures .change-cue').count()).toBe(0);
      expect(await page.locator('#mark-seen').isHidden()).toBe(true);
      expect(await accessibilityFailures(page)).toEqual([]);
      await openBoard(sub);
      await page.locator('#seen-status', { hasText: 'No figures have changed' }).waitFor();
      // Another commander on this browser keeps their own record.
      await openBoard(`commander-other-${randomUUID()}`);
      await page.locator('#seen-status', { hasText: 'No figures have changed' }).waitFor();
    },
    SLOW_MS,
  );

  it('holds the figures still while paused, and shows the latest on resuming', async () => {
    await openBoard(`commander-pause-${randomUUID()}`);
    const before = await figure('arrests');
    await page.locator('#pause-live').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#pause-live').getAttribute('aria-pressed')).toBe('true');
    await page.locator('#paused-note', { hasText: 'Live updates paused' }).waitFor();
    await arrestCounted(MET, 5);
    // The push arrives and waits; the figures shown stay as they were.
    await page.locator('#paused-note', { hasText: 'newer figures are waiting' }).waitFor();
    expect(await figure('arrests')).toBe(before);
    await page.keyboard.press('Enter');
    await page.locator(`#figures [data-figure=arrests][data-value="${before + 5}"]`).waitFor();
    expect(await page.locator('#paused-note').isHidden()).toBe(true);
  });

  it(
    'switches to the wall layout by keyboard or by address, controls out of the way',
    async () => {
      await openBoard(`commander-wall-${randomUUID()}`);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.locator('#wall-toggle').focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('#wall-toggle').getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate('document.body.classList.contains("wall")')).toBe(true);
      expect(new URL(page.url()).searchParams.get('layout')).toBe('wall');
      for (const hidden of ['.masthead-bar', '#measure', '#filter-bar', '.panel.actions'])
        expect([hidden, await page.locator(hidden).first().isVisible()]).toEqual([hidden, false]);
      // Large type: the figures are bigger than on the desk layout.
      const size = async () =>
        parseFloat(
          await page.evaluate<string>(
            `getComputedStyle(document.querySelector('#figures [data-figure=arrests] .figure-value')).fontSize`,
          ),
        );
      const wallSize = await size();
      expect(await accessibilityFailures(page)).toEqual([]);
      await screenshot(page, 'board-commander-03-wall-1920x1080', false);

      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.body.classList.contains("wall")')).toBe(false);
      expect(new URL(page.url()).searchParams.get('layout')).toBeNull();
      expect(await size()).toBeLessThan(wallSize);

      await openBoard(`commander-wall-${randomUUID()}`, '?layout=wall');
      expect(await page.locator('#wall-toggle').getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate('document.body.classList.contains("wall")')).toBe(true);
      expect(await accessibilityFailures(page)).toEqual([]);
    },
    SLOW_MS,
  );
});
