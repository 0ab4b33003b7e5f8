import { Locator, Page } from 'playwright-core';
import { waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor, Who } from '../support/api';
import { screenshot, useBrowserSessions } from '../support/browser';
import { freshBrand, registerLine } from '../support/intelligence';
import { GREATER_MANCHESTER, MERSEYSIDE } from '../support/scenario';
import { focusWeek, issue, tasking, taskingBody } from '../support/taskings';

const NORTH_WEST = 'north-west';
const CHESHIRE = 'E23000006';

/** A week running now, its focus three North West forces. */
const northWestWeek = (name: string) => focusWeek(name, [MERSEYSIDE, GREATER_MANCHESTER, CHESHIRE]);

const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * The taskings page for those who answer taskings, keyboard only: a regional coordinator
 * acknowledges several taskings in one step and reads lines by brand; a force user opens the
 * reporting page from a tasking and the outcome it sends carries the tasking's id.
 */
describe('taskings page: acknowledging together, brands, reporting from a tasking', () => {
  const browser = useBrowserSessions();
  let page: Page;
  beforeEach(() => {
    page = browser.page;
  });

  /** Signs in through the page's token slot, picks the week and waits for the live list. */
  async function openTaskings(who: Who, operationId: string) {
    const token = await tokenFor(who);
    await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
    await page.goto('/taskings');
    await page.getByLabel('Week', { exact: true }).selectOption(operationId);
    await page.locator('#live-state[data-state="live"]').waitFor();
  }

  const rowById = (id: string) => page.locator(`#taskings-rows tr[data-id="${id}"]`);

  /** Presses a key on a control reached by focus, as a keyboard user does. */
  async function press(l: Locator, key: string) {
    await l.focus();
    await page.keyboard.press(key);
  }

  it('acknowledges three taskings at once, each named by force and its line by brand', async () => {
    const op = await northWestWeek('Bulk acknowledge week');
    const brands = [freshBrand('Bulk'), freshBrand('Bulk')];
    const lines = [
      await registerLine({ brand: brands[0], exportingForce: MERSEYSIDE, numbers: [] }),
      await registerLine({ brand: brands[1], exportingForce: GREATER_MANCHESTER, numbers: [] }),
    ];
    const ids: string[] = [];
    for (const body of [
      taskingBody(MERSEYSIDE, { lineId: lines[0].id }),
      taskingBody(GREATER_MANCHESTER, { lineId: lines[1].id }),
      taskingBody(CHESHIRE),
    ]) {
      const issued = await issue(op.id, body);
      expect(issued.status).toBe(201);
      ids.push(...[issued.body].flat().map((t: { id: string }) => t.id));
    }
    await openTaskings({ role: 'regional', region: NORTH_WEST, sub: 'bulk-nw' }, op.id);
    for (const id of ids) await rowById(id).waitFor();

    // Lines by brand and exporting force; their ids appear nowhere on the page.
    await page.getByText(`${brands[0]}, exporting from Merseyside`).waitFor();
    await page.getByText(`${brands[1]}, exporting from Greater Manchester`).waitFor();
    const shown = await page.locator('main').innerText();
    for (const l of lines) expect(shown).not.toContain(l.id);

    const acknowledge = page.locator('#acknowledge-selected');
    expect(await acknowledge.isDisabled()).toBe(true);
    for (const force of ['Merseyside', 'Greater Manchester', 'Cheshire'])
      await press(page.getByRole('checkbox', { name: `Select tasking for ${force}` }), 'Space');
    expect(await text(acknowledge)).toBe('Acknowledge 3 selected');
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'taskings-bulk-01-three-selected');

    await press(acknowledge, 'Enter');
    await page.locator('#bulk-result', { hasText: 'Acknowledged 3 of 3 taskings.' }).waitFor();
    for (const id of ids) {
      await page
        .locator(`#taskings-rows tr[data-id="${id}"][data-status="acknowledged"]`)
        .waitFor();
      expect((await tasking(id)).status).toBe('acknowledged');
    }
    // Acknowledged taskings leave the selection and are no longer offered for it.
    expect(await page.locator('#taskings-rows input[type=checkbox]').count()).toBe(0);
    expect(await text(acknowledge)).toBe('Acknowledge selected');
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'taskings-bulk-02-acknowledged');
  });

  it('sends each with its own Idempotency-Key, and a refusal on one row loses none of the others', async () => {
    const op = await northWestWeek('Bulk refusal week');
    const ids: string[] = [];
    for (const force of [MERSEYSIDE, CHESHIRE])
      ids.push((await issue(op.id, taskingBody(force))).body.id);
    await openTaskings({ role: 'regional', region: NORTH_WEST, sub: 'bulk-nw-2' }, op.id);
    for (const id of ids) await rowById(id).waitFor();
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/acknowledge')) keys.push(r.headers()['idempotency-key']);
    });
    // The server refuses Cheshire's, as it would a tasking cancelled a moment before.
    const detail = `Tasking ${ids[1]} is cancelled; it cannot acknowledge from there`;
    await page.route(`**/api/v1/taskings/${ids[1]}/acknowledge`, (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({ code: 'illegal_transition', title: 'Conflict', detail }),
      }),
    );
    await press(page.locator('#select-all'), 'Enter');
    expect(await text(page.locator('#acknowledge-selected'))).toBe('Acknowledge 2 selected');
    await press(page.locator('#acknowledge-selected'), 'Enter');
    await page
      .locator('#bulk-result', {
        hasText:
          'Acknowledged 1 of 2 taskings. Not acknowledged: Cheshire (the reason is shown on each row).',
      })
      .waitFor();
    await rowById(ids[1]).locator('.field-error', { hasText: detail }).waitFor();
    expect((await tasking(ids[0])).status).toBe('acknowledged');
    expect((await tasking(ids[1])).status).toBe('issued');
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(await accessibilityFailures(page)).toEqual([]);
  });

  it('opens the reporting page from a tasking, pre-filled, and the outcome carries its id', async () => {
    const op = await northWestWeek('Report from tasking week');
    const brand = freshBrand('Reported');
    const line = await registerLine({ brand, exportingForce: MERSEYSIDE, numbers: [] });
    const issued = await issue(
      op.id,
      taskingBody(MERSEYSIDE, { lineId: line.id, action: 'Arrest the holder of the line' }),
    );
    const id = issued.body.id;
    const who: Who = { role: 'force', force: MERSEYSIDE, sub: 'merseyside-tasked' };
    await openTaskings(who, op.id);
    await rowById(id).waitFor();
    const link = rowById(id).getByRole('link', { name: /^Report outcome/ });
    expect(await link.getAttribute('href')).toBe(
      `/report?operation=${op.id}&force=${MERSEYSIDE}&tasking=${id}&line=${line.id}`,
    );
    await press(link, 'Enter');

    await page.waitForURL(/\/report\?/);
    const context = page.locator('#tasking-context');
    await context.locator('text=Arrest the holder of the line').waitFor();
    expect(await page.locator('#week').inputValue()).toBe(op.id);
    expect(await page.locator('#force').inputValue()).toBe(MERSEYSIDE);
    await page.locator('#f-lineId option', { hasText: brand }).waitFor({ state: 'attached' });
    expect(await page.locator('#f-lineId').inputValue()).toBe(line.id);
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'taskings-bulk-03-report-from-tasking');

    await press(page.getByLabel('Arrest', { exact: true }), 'Space');
    await page.getByLabel('People arrested').fill('2');
    const hourAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 3_600_000);
      d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
      return d.toISOString().slice(0, 16);
    });
    await page.getByLabel('When it happened').fill(hourAgo);
    await press(page.locator('#submit-outcome'), 'Enter');
    const result = page.locator('#form-result', { hasText: 'Report accepted' });
    await result.waitFor();
    expect(await text(result)).toContain('It is linked to the tasking.');
    expect(await context.isHidden()).toBe(true);

    const outcomes = await waitFor(
      async () =>
        api('GET', `/api/v1/operations/${op.id}/outcomes?force=${MERSEYSIDE}`, {
          token: await tokenFor(who),
        }),
      (r) => r.status === 200 && r.body.items.length === 1,
      { what: 'the reported outcome' },
    );
    expect(outcomes.body.items[0].current).toMatchObject({
      type: 'arrest',
      count: 2,
      taskingId: id,
      lineId: line.id,
    });
    // The submissions list names the line by brand too.
    await page.locator('#submissions-rows', { hasText: `Line: ${brand}` }).waitFor();
    expect(await accessibilityFailures(page)).toEqual([]);
  });
});
