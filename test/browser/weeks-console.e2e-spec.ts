import { Locator, Page } from 'playwright-core';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor } from '../support/api';
import { screenshot, useBrowserSessions } from '../support/browser';
import { freshBrand, freshHolder, registerLine } from '../support/intelligence';
import { MERSEYSIDE, MET } from '../support/scenario';

const CHESHIRE = 'E23000006';
const LANCASHIRE = 'E23000003';
const CUMBRIA = 'E23000002';
const NORTH_WALES = 'W15000001';
const WEST_MIDLANDS = 'E23000014';

/** A `datetime-local` value this many days from now (the page reads it as London time). */
const localIn = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

/** Keyboard only: focus a control and press a key on it (Enter on buttons, Space on boxes). */
async function press(target: Locator, key = 'Enter') {
  await target.focus();
  await target.page().keyboard.press(key);
}

async function axeClean(page: Page, state: string) {
  expect({ state, failures: await accessibilityFailures(page) }).toEqual({ state, failures: [] });
}

/**
 * The NCLCC plans a week in headless Chromium, by keyboard only: signs in on the home page,
 * goes to the console through the navigation, creates and edits a week, chooses two focus
 * lines from the ranking, sees their forces, overrides one with a reason, closes and reopens.
 */
describe('weeks console', () => {
  const browser = useBrowserSessions();
  const brands: string[] = [];

  beforeAll(async () => {
    // Four lines sharing a holder and every risk: among the highest of any shared register.
    const holder = freshHolder();
    const risks = { childrenExploited: true, weapons: true, violence: true, cuckooing: true };
    const places: [string, string[]][] = [
      [MET, [MERSEYSIDE, NORTH_WALES, CUMBRIA, WEST_MIDLANDS]],
      [MERSEYSIDE, [MET, LANCASHIRE, CUMBRIA, WEST_MIDLANDS]],
      [WEST_MIDLANDS, [MET, MERSEYSIDE, CUMBRIA, LANCASHIRE]],
      [LANCASHIRE, [MET, MERSEYSIDE, CUMBRIA, WEST_MIDLANDS]],
    ];
    for (const [exportingForce, importingForces] of places) {
      const brand = freshBrand('Aardvark');
      brands.push(brand);
      await registerLine({
        brand,
        exportingForce,
        importingForces,
        holderRefs: [holder],
        riskFactors: risks,
        lastIntelligenceAt: new Date().toISOString(),
      });
    }
  });

  it('plans a week from the home page to closing and reopening it', async () => {
    const page = browser.page;
    // A long flow on a shared machine: each step may wait for the platform a little longer.
    page.setDefaultTimeout(20_000);
    const name = `Console week ${Date.now()}`;
    await page.goto('/');
    await page.getByLabel('User id', { exact: true }).fill('nclcc-planner');
    await press(page.getByRole('button', { name: 'Sign in' }));
    await page.locator('#who-name', { hasText: 'nclcc-planner' }).waitFor();
    await page.locator('#needs-status', { hasText: /need|Nothing/ }).waitFor();
    await axeClean(page, 'home');

    await press(page.locator('#main-nav').getByRole('link', { name: 'Plan weeks' }));
    await page.waitForURL('**/weeks');
    await page.locator('#weeks-rows').waitFor({ state: 'attached' });
    await axeClean(page, 'console');

    // A week without a name or an end: the API's errors beside their fields.
    const create = page.locator('#create-form');
    await create.getByLabel('Starts').fill(localIn(40));
    await press(create.getByRole('button', { name: 'Create the week' }));
    await page.locator('#create-problem:not([hidden])').waitFor();
    await create.locator('[data-field=name].has-error').waitFor();
    await create.locator('[data-field=endsAt].has-error').waitFor();
    await axeClean(page, 'create errors');

    await create.getByLabel('Name').fill(name);
    await create.getByLabel('Ends').fill(localIn(47));
    await press(create.getByRole('button', { name: 'Create the week' }));
    await page.locator('#week-heading', { hasText: name }).waitFor();
    const row = page.locator(`#weeks-rows tr`, { hasText: name });
    await row.locator('td.status', { hasText: 'Planned' }).waitFor();
    const id = await row.getAttribute('data-id');
    const nclcc = await tokenFor({ role: 'nclcc' });

    const edit = page.locator('#edit-form');
    await edit.getByLabel('Name').fill(`${name} (edited)`);
    await edit.getByLabel('Ends').fill(localIn(48));
    await press(edit.getByRole('button', { name: 'Save the week' }));
    await page.locator('#week-heading', { hasText: `${name} (edited)` }).waitFor();
    const saved = (await api('GET', `/api/v1/operations/${id}`, { token: nclcc })).body;
    expect(saved.name).toBe(`${name} (edited)`);
    expect(Date.parse(saved.endsAt)).toBeGreaterThan(Date.now() + 47.5 * 86_400_000);
    await axeClean(page, 'edited');

    // Two focus lines from the ranking, by their boxes.
    for (const brand of brands.slice(0, 2))
      await press(page.getByRole('checkbox', { name: `Choose ${brand}` }), 'Space');
    await press(page.getByRole('button', { name: 'Choose focus lines' }));
    await page.locator('#focus-result', { hasText: '2 focus lines chosen' }).waitFor();
    for (const force of ['Metropolitan Police Service', 'Merseyside', 'North Wales', 'Lancashire'])
      await page.locator('#focus-forces li', { hasText: `${force} (Focus lines)` }).waitFor();
    expect(await page.locator('#ranking-chart-wrap svg rect.bar').count()).toBeGreaterThan(1);
    await page.locator('#focus-map-wrap svg g.focus').first().waitFor();
    await screenshot(page, 'weeks-01-focus-chosen');
    await axeClean(page, 'focus chosen');

    const override = page.locator('#override-form');
    await override.getByLabel('Force').selectOption(CHESHIRE);
    await override.getByLabel('Change').selectOption('true');
    await override.getByLabel('Reason').selectOption('cross-border-activity');
    await override.getByLabel('Why').fill('Cheshire holds the hub both lines pass through');
    await press(override.getByRole('button', { name: 'Record the override' }));
    await page.locator('#focus-forces li', { hasText: 'Cheshire (Added by override)' }).waitFor();
    await page
      .locator('#overrides-rows tr', { hasText: 'Cheshire holds the hub both lines pass through' })
      .waitFor();
    const focus = (await api('GET', `/api/v1/operations/${id}/focus-lines`, { token: nclcc })).body;
    expect(focus.focusForces).toContain(CHESHIRE);
    expect(focus.overrides[0]).toMatchObject({ force: CHESHIRE, by: { sub: 'nclcc-planner' } });
    await axeClean(page, 'overridden');

    await press(page.getByRole('button', { name: 'Close the week' }));
    await page.locator('#confirm-dialog[open]').waitFor();
    await axeClean(page, 'confirm close');
    await page.keyboard.press('Enter');
    await page.locator('#close-result', { hasText: 'is closed' }).waitFor();
    await row.locator('td.status', { hasText: 'Closed' }).waitFor();
    await axeClean(page, 'closed');

    await page.getByLabel('Reason for reopening').fill('Late returns from Merseyside');
    await press(page.getByRole('button', { name: 'Reopen the week' }));
    await page.locator('#confirm-dialog[open]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#close-result', { hasText: 'is open again' }).waitFor();
    await row.locator('td.status', { hasText: 'Planned' }).waitFor();
    expect((await api('GET', `/api/v1/operations/${id}`, { token: nclcc })).body.status).toBe(
      'planned',
    );
    await axeClean(page, 'reopened');
  }, 240_000);
});
