import { Page } from 'playwright-core';
import { waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, Who } from '../support/api';
import { screenshot, signedIn, tabTo, useBrowserSessions } from '../support/browser';
import {
  applyDdtros,
  as,
  freshBrand,
  freshHolder,
  freshNumber,
  lineWithReplacements,
  raiseNumberAlert,
  registerLine,
} from '../support/intelligence';

const NCLCC: Who = { role: 'nclcc', sub: 'nclcc-desks' };
const EASTERN: Who = { role: 'regional', region: 'eastern', sub: 'eastern-desks' };
/** This file's lines: Gwent records and exports them (Dyfed-Powys for the second force). */
const GWENT = 'W15000002';
const DYFED_POWYS = 'W15000004';

async function noViolations(page: Page) {
  expect(await accessibilityFailures(page)).toEqual([]);
}

/** Confirms the open dialog by keyboard: Tab to its main button, Enter; waits for it to close. */
async function confirmByKeyboard(page: Page, dialog: string) {
  await tabTo(page, `#${dialog}-submit`);
  await page.keyboard.press('Enter');
  await page.locator(`#${dialog}`).waitFor({ state: 'hidden' });
}

/** The NCLCC's four desks, signed in, acting by keyboard, with no WCAG 2.2 AA failures. */
describe('NCLCC desks', () => {
  const browser = useBrowserSessions();
  // A desk takes several round trips per step on a busy machine.
  jest.setTimeout(180_000);

  it('grants a DDTRO and applies for orders on replacement numbers in one step', async () => {
    const { page } = browser;
    const pending = await registerLine({
      brand: freshBrand('Desk'),
      exportingForce: GWENT,
      numbers: [freshNumber()],
    });
    const number = pending.numbers[0].number;
    expect((await applyDdtros(pending.id, [number])).status).toBe(201);
    const moved = await lineWithReplacements(GWENT, 2);

    await signedIn(page, NCLCC, '/ddtros');
    await page.locator('#stats-chart svg[role=img]').waitFor();
    await page.locator('#orders-rows tr', { hasText: number }).waitFor();
    await noViolations(page);

    await tabTo(page, `button[aria-label="Grant: ${number}"]`);
    await page.keyboard.press('Enter');
    await page.locator('#decide-dialog[open]').waitFor();
    await noViolations(page);
    await confirmByKeyboard(page, 'decide-dialog');
    const granted = page.locator('#orders-rows tr', { hasText: number });
    await granted.locator('.badge.granted').waitFor();
    expect(await granted.textContent()).toMatch(/On time|Due today|Overdue/);

    for (const n of moved.numbers) {
      await tabTo(page, `#replacements-rows input[data-number="${n}"]`);
      await page.keyboard.press('Space');
    }
    await tabTo(page, '#apply-selected');
    await page.keyboard.press('Enter');
    await page.locator('#decide-dialog[open]').waitFor();
    expect(await page.locator('#decide-dialog-what').textContent()).toContain(moved.numbers[0]);
    await confirmByKeyboard(page, 'decide-dialog');
    await page.locator('#apply-result', { hasText: '2 applied' }).waitFor();
    for (const n of moved.numbers) {
      await page.locator('#orders-rows tr', { hasText: n }).locator('.badge.applied').waitFor();
      expect(await page.locator('#replacements-rows').textContent()).not.toContain(n);
    }
    await noViolations(page);
    await screenshot(page, 'ddtro-desk');
  });

  it('acknowledges and resolves an alert, and hands one to a region whose coordinator sees it', async () => {
    const { page } = browser;
    const first = await raiseNumberAlert([GWENT, DYFED_POWYS]);
    const second = await raiseNumberAlert([GWENT, DYFED_POWYS]);
    const row = (value: string) => page.locator('#alerts-rows tr', { hasText: value });

    await signedIn(page, NCLCC, '/deconfliction');
    await row(first.value).waitFor();
    await noViolations(page);
    await tabTo(page, `button[aria-label="Acknowledge: Deal number ${first.value}"]`);
    await page.keyboard.press('Enter');
    await page.locator('#step-dialog[open]').waitFor();
    await confirmByKeyboard(page, 'step-dialog');
    await page.locator('#alerts-status', { hasText: 'acknowledged' }).waitFor();

    await page.locator('#filter-status').selectOption('acknowledged');
    await page.getByRole('button', { name: 'Show' }).click();
    await row(first.value).locator('.badge.acknowledged').waitFor();
    expect(await row(first.value).textContent()).toContain('nclcc-desks');
    await tabTo(page, `button[aria-label="Resolve: Deal number ${first.value}"]`);
    await page.keyboard.press('Enter');
    // A note naming a person is refused beside the field; then a clean one resolves it.
    await page.keyboard.type('Spoke to John Smith');
    await tabTo(page, '#step-dialog-submit');
    await page.keyboard.press('Enter');
    await page.locator('#step-dialog-note-error', { hasText: 'a name' }).waitFor();
    await noViolations(page);
    await page.locator('#step-dialog-note').fill('');
    await page.locator('#step-dialog-note').focus();
    await page.keyboard.type('Gwent leads the investigation');
    await confirmByKeyboard(page, 'step-dialog');
    await page.locator('#filter-status').selectOption('resolved');
    await page.getByRole('button', { name: 'Show' }).click();
    await row(first.value).locator('.badge.resolved').waitFor();
    expect(await row(first.value).textContent()).toContain('Gwent leads the investigation');

    await page.locator('#filter-status').selectOption('open');
    await page.getByRole('button', { name: 'Show' }).click();
    await tabTo(page, `button[aria-label="Hand to region: Deal number ${second.value}"]`);
    await page.keyboard.press('Enter');
    await page.locator('#step-dialog-region').selectOption('eastern');
    await confirmByKeyboard(page, 'step-dialog');
    await row(second.value).getByText('Eastern').waitFor();
    await noViolations(page);
    await screenshot(page, 'deconfliction-inbox');

    // The eastern region's coordinator now sees it, and may acknowledge it.
    await signedIn(page, EASTERN, '/deconfliction');
    await page.locator('#who-name', { hasText: 'eastern-desks' }).waitFor();
    await row(second.value).waitFor();
    expect(await row(first.value).count()).toBe(0);
    await tabTo(page, `button[aria-label="Acknowledge: Deal number ${second.value}"]`);
    await page.keyboard.press('Enter');
    await confirmByKeyboard(page, 'step-dialog');
    await page.locator('#alerts-status', { hasText: 'acknowledged' }).waitFor();
    await noViolations(page);
  });

  it('ranks line holders by the lines they control, as a table and a chart', async () => {
    const { page } = browser;
    const holder = freshHolder();
    for (let i = 0; i < 3; i++)
      await registerLine({
        brand: freshBrand('Holder'),
        exportingForce: GWENT,
        holderRefs: [holder],
      });
    await signedIn(page, NCLCC, '/holders');
    const row = page.locator('#holders-rows tr', { hasText: holder });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('3');
    await page.locator('#holders-chart svg[role=img]').waitFor();
    await tabTo(page, '#linked');
    await page.locator('#linked').selectOption('5');
    await tabTo(page, '#holders-filter button');
    await page.keyboard.press('Enter');
    await page.locator('#holders-status', { hasText: 'at least 5' }).waitFor();
    expect(await row.count()).toBe(0);
    await noViolations(page);
  });

  it('filters the access log by who and pages the audit trail', async () => {
    const { page } = browser;
    const reader: Who = { role: 'nclcc', sub: `reader-${freshNumber()}` };
    // Two person-level reads by this user: the access log has them.
    for (let i = 0; i < 2; i++)
      await api('GET', '/api/v1/ddtros?limit=1', { token: await as(reader) });
    await signedIn(page, NCLCC, '/audit');
    await page.locator('#log-status', { hasText: /Showing|No entries/ }).waitFor();
    await noViolations(page);
    await tabTo(page, '#source');
    await page.locator('#source').selectOption('access');
    await tabTo(page, '#sub');
    await page.keyboard.type(reader.sub!);
    await tabTo(page, '#log-filter button[type=submit]');
    await page.keyboard.press('Enter');
    await page.locator('#log-status', { hasText: 'Showing 2 entries' }).waitFor();
    const rows = await page.locator('#log-rows tr').allTextContents();
    expect(rows.every((r) => r.includes(reader.sub!) && r.includes('DDTROs'))).toBe(true);
    // The whole audit trail, newest first, a page at a time.
    await page.locator('#source').selectOption('intelligence');
    await page.locator('#sub').fill('');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('#log-status', { hasText: 'Showing' }).waitFor();
    if (await page.locator('#load-more').isVisible()) {
      const before = await page.locator('#log-rows tr').count();
      await tabTo(page, '#load-more');
      await page.keyboard.press('Enter');
      await waitFor(
        () => page.locator('#log-rows tr').count(),
        (n) => n > before,
        { timeoutMs: 10_000, intervalMs: 100, what: 'a further page of entries' },
      );
    }
    await noViolations(page);
    await screenshot(page, 'audit-access-log');
  });
});
