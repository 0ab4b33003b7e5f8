import { addIsoWeeks } from '@intensify/contracts';
import { Page } from 'playwright-core';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor, Who } from '../support/api';
import { screenshot, signedIn, tabTo, useBrowserSessions } from '../support/browser';
import { MET } from '../support/scenario';
import { gamingCheckWhen, putBaseline, WEST_MIDLANDS } from '../baselines/baselines';

const WEEK = '2019-W21';
const WEST_MIDS: Who = { role: 'force', force: WEST_MIDLANDS, sub: 'wm-analyst' };
const NCLCC: Who = { role: 'nclcc', sub: 'nclcc-analyst' };
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * The baselines page, and weeks compared and the gaming check on the board and in the summary,
 * in headless Chromium against the running platform.
 */
describe('baselines in the pages', () => {
  const browser = useBrowserSessions();
  let operationId: string;

  beforeAll(async () => {
    const op = await api('POST', '/api/v1/operations', {
      token: await tokenFor(NCLCC),
      body: {
        name: 'May week 2019',
        startsAt: '2019-05-20T00:00:00Z',
        endsAt: '2019-05-27T00:00:00Z',
      },
    });
    expect(op.status).toBe(201);
    operationId = op.body.id;
    // West Midlands 40 arrests a week, then 22 in the four weeks before; the Met steady at 50.
    for (let n = 16; n >= 1; n--) {
      const week = addIsoWeeks(WEEK, -n);
      expect(
        (await putBaseline(WEST_MIDS, WEST_MIDLANDS, week, { arrests: n > 4 ? 40 : 22 })).status,
      ).toBe(201);
      expect((await putBaseline(NCLCC, MET, week, { arrests: 50 })).status).toBe(201);
    }
    await gamingCheckWhen(operationId, (f) => f.get(WEST_MIDLANDS)?.status === 'flagged');
  });

  it('reports a week by keyboard, shows the server’s field errors and the force’s weeks', async () => {
    const { page } = browser;
    await signedIn(page, WEST_MIDS, '/baselines');
    await page.locator('#b-arrests').waitFor();
    expect(await accessibilityFailures(page)).toEqual([]);
    await page.locator('#b-isoWeek').fill('2018-W10');
    await tabTo(page, '#b-arrests');
    await page.keyboard.type('31');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await page.locator('#baseline-problem:not([hidden])').waitFor();
    expect(await text(page, '[data-field="charged"] .field-error')).toBe(
      'Error: must not be more than arrests',
    );
    expect(await accessibilityFailures(page)).toEqual([]);

    await page.locator('#b-charged').fill('12');
    await page.getByRole('button', { name: 'Save the week' }).press('Enter');
    await page.locator('#baseline-result', { hasText: 'Saved 2018-W10' }).waitFor();
    const row = page.locator('#history-body tr[data-week="2018-W10"]');
    await row.waitFor();
    const stored = await api(
      'GET',
      `/api/v1/forces/${WEST_MIDLANDS}/baselines?from=2018-W10&to=2018-W10`,
      {
        token: await tokenFor(WEST_MIDS),
      },
    );
    expect(stored.body.items[0].figures).toMatchObject({
      arrests: 31,
      arrestsUnder18: 4,
      charged: 12,
    });
    expect((await row.locator('td').allTextContents()).slice(0, 4)).toEqual(['1', '31', '4', '12']);

    // A week of an intensification week is refused beside the week field.
    await page.locator('#b-isoWeek').fill(WEEK);
    await page.getByRole('button', { name: 'Save the week' }).click();
    await page.locator('[data-field="isoWeek"].has-error').waitFor();
    expect(await text(page, '[data-field="isoWeek"] .field-error')).toContain('overlaps');
    await screenshot(page, 'baselines-page');
  });

  it('uploads a CSV of weeks and lists the rows it refused', async () => {
    const { page } = browser;
    await signedIn(page, WEST_MIDS, '/baselines');
    await page.locator('#upload-file').waitFor();
    const csv = `force,isoWeek,arrests,charged\n${WEST_MIDLANDS},2018-W11,20,2\n${MET},2018-W11,5,0\n${WEST_MIDLANDS},2018-W12,x,\n`;
    await page
      .locator('#upload-file')
      .setInputFiles({ name: 'weeks.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.locator('#upload-result', { hasText: '1 weeks saved' }).waitFor();
    expect(await text(page, '#upload-result')).toBe('1 weeks saved, 0 unchanged, 2 rows rejected.');
    expect(await page.locator('#upload-rejected-rows tr').allTextContents()).toEqual([
      '23forceis not a force you may report for',
      '34arrestsmust be a whole number ≥ 0',
    ]);
    expect(await accessibilityFailures(page)).toEqual([]);
  });

  it('shows the gaming check and weeks compared beside the week’s results on the board', async () => {
    const { page } = browser;
    await signedIn(page, NCLCC, `/board/${operationId}`);
    const flag = page.locator(`#gaming-flags li[data-force="${WEST_MIDLANDS}"]`);
    await flag.waitFor();
    expect((await flag.textContent())?.replace(/\s+/g, ' ')).toBe(
      'West Midlands reported 45% fewer arrests than its baseline in the four weeks before.',
    );
    expect(await page.locator('#gaming-flags li').count()).toBe(1);

    const comparison = (
      await api('GET', `/api/v1/operations/${operationId}/comparison`, {
        token: await tokenFor(NCLCC),
      })
    ).body;
    const rows = page.locator('#comparison-table tbody tr');
    expect(await rows.count()).toBe(1 + comparison.earlierWeeks.length + 8);
    expect(await text(page, '#comparison-basis')).toBe(
      `Each week over its first ${comparison.hoursIntoWeek.toLocaleString('en-GB')} hours, as far as this week has run. Published results are whole weeks.`,
    );
    expect(
      await rows.filter({ hasText: '13–20 May 2019' }).locator('td').first().textContent(),
    ).toBe('586');

    // The measure is chosen by keyboard; the chart says what it shows.
    // Through the map, the tables and the rest of the board: the measure is reachable by Tab.
    await tabTo(page, '#comparison-measure', 400);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.locator('svg.comparison-chart[aria-label^="Cash seized"]').waitFor();
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'board-week-context');
  });

  it('puts both in the printable summary', async () => {
    const { page } = browser;
    await signedIn(page, { role: 'commander' }, `/board/${operationId}/summary`);
    await page.locator('body[data-state=ready]').waitFor();
    expect(await page.locator('#gaming-findings li').allTextContents()).toEqual([
      'West Midlands reported 45% fewer arrests than its baseline in the four weeks before.',
    ]);
    expect(await text(page, '#compared tr:nth-child(2) th')).toBe('May week 2019 (this week)');
    expect(await accessibilityFailures(page)).toEqual([]);
  });
});
