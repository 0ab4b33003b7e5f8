import { Page } from 'playwright-core';
import { accessibilityFailures } from '../support/accessibility';
import { screenshot, signedIn, useBrowserSessions } from '../support/browser';
import { PARTS, raised } from '../support/handoffs';
import {
  actOnAlert,
  freshBrand,
  freshNumber,
  raiseNumberAlert,
  registerLine,
} from '../support/intelligence';
import { createActiveWeek, MERSEYSIDE } from '../support/scenario';
import { issue, taskingBody } from '../support/taskings';

/** Alerts of this file match lines of Durham and Northumbria (North East). */
const DURHAM = 'E23000008';
const NORTHUMBRIA = 'E23000007';

/** The element that has focus: its own id and that of the row holding it. */
const focused = (page: Page): Promise<{ id?: string; rowId?: string }> =>
  page.locator('body').evaluate((body: any) => {
    const active = body.ownerDocument.activeElement;
    return { id: active?.id, rowId: active?.closest('tr')?.dataset.id };
  });

/**
 * The inbox's links land on the row they name, in headless Chromium: the taskings page picks
 * out the tasking in its week, safeguarding opens the hand-off once the purpose is given, the
 * register opens the line, and the deconfliction desk picks out the alert whatever its status.
 * Each is said in words, has focus, and shows no axe violations.
 */
describe('deep links from the inbox', () => {
  const browser = useBrowserSessions();

  it('lands on the tasking: its week chosen, the row focused and marked in words', async () => {
    const page = browser.page;
    const week = await createActiveWeek(`Deep link week ${Date.now()}`);
    const res = await issue(week.id, taskingBody(MERSEYSIDE, { action: 'Linked visit' }));
    expect(res.status).toBe(201);
    const id = res.body.id;
    await signedIn(
      page,
      { role: 'regional', region: 'north-west' },
      `/taskings?operation=${week.id}&tasking=${id}`,
    );
    const row = page.locator(`#taskings-rows tr.is-linked[data-id="${id}"]`);
    await row.waitFor();
    expect(await row.locator('.linked-cue').textContent()).toBe(
      'You followed a link to this tasking.',
    );
    expect(await page.locator('#operation').inputValue()).toBe(week.id);
    expect((await focused(page)).rowId).toBe(id);
    expect(await page.locator('#taskings-rows tr.is-linked').count()).toBe(1);
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'deep-link-01-tasking');
  });

  it('opens the hand-off once the purpose is given', async () => {
    const page = browser.page;
    const handoff = await raised();
    await signedIn(page, PARTS.homeForce, `/safeguarding?handoff=${handoff.id}`);
    await page.locator('#detail:not([hidden])').waitFor();
    await page.locator('#detail-facts', { hasText: handoff.id }).waitFor();
    expect(await page.locator('#detail-heading').textContent()).toBe(
      `Hand-off of ${handoff.subjectRef}`,
    );
    expect((await focused(page)).id).toBe('detail-heading');
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'deep-link-02-handoff');
  });

  it("opens the line's detail, and sends an alert link to the deconfliction desk", async () => {
    const page = browser.page;
    const brand = freshBrand('Linked');
    const line = await registerLine({
      brand,
      recordedBy: DURHAM,
      exportingForce: DURHAM,
      numbers: [freshNumber()],
    });
    await signedIn(page, { role: 'nclcc' }, `/lines?line=${line.id}`);
    await page.locator('#detail:not([hidden])').waitFor();
    expect(await page.locator('#detail-heading').textContent()).toBe(`Line “${brand}”`);
    expect((await focused(page)).id).toBe('detail-heading');
    expect(await accessibilityFailures(page)).toEqual([]);

    const alert = await raiseNumberAlert([DURHAM, NORTHUMBRIA]);
    await page.goto(`/lines?alert=${alert.id}`);
    await page.waitForURL(`**/deconfliction?alert=${alert.id}`);
    await page.locator(`#alerts-rows tr.is-linked[data-id="${alert.id}"]`).waitFor();
  });

  it('picks out the alert on the deconfliction desk, whatever its status', async () => {
    const page = browser.page;
    const alert = await raiseNumberAlert([DURHAM, NORTHUMBRIA]);
    expect((await actOnAlert(alert.id, 'hand-to-region', { region: 'north-east' })).status).toBe(
      200,
    );
    expect((await actOnAlert(alert.id, 'acknowledge')).status).toBe(200);
    await signedIn(
      page,
      { role: 'regional', region: 'north-east' },
      `/deconfliction?alert=${alert.id}`,
    );
    const row = page.locator(`#alerts-rows tr.is-linked[data-id="${alert.id}"]`);
    await row.waitFor();
    expect(await row.locator('.linked-cue').textContent()).toBe(
      'You followed a link to this alert.',
    );
    expect(await page.locator('#filter-status').inputValue()).toBe('');
    expect((await focused(page)).rowId).toBe(alert.id);
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'deep-link-03-alert');
  });
});
