import { randomUUID } from 'node:crypto';
import { Browser, Locator, Page } from 'playwright-core';
import { waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor, Who } from '../support/api';
import {
  BrowserSession,
  launchBrowser,
  newSession,
  screenshot,
  signedIn,
} from '../support/browser';
import { awaitNotification, freshUser } from '../support/inbox';
import {
  applyDdtros,
  decide,
  freshBrand,
  freshHolder,
  freshNumber,
  registerLine,
  replacementAlertsOf,
} from '../support/intelligence';
import { board } from '../support/scenario';

/** This suite's forces: lines export from Dorset and Wiltshire into the rest of the south-west. */
const DORSET = 'E23000039';
const WILTSHIRE = 'E23000038';
const DEVON_CORNWALL = 'E23000035';
const AVON_SOMERSET = 'E23000036';
const SOUTH_WEST = 'south-west';

const NCLCC_SUB = `nclcc-week-${randomUUID().slice(0, 8)}`;
const COORDINATOR = freshUser({ role: 'regional', region: SOUTH_WEST });
const DORSET_USER: Who = {
  role: 'force',
  force: DORSET,
  sub: `dorset-${randomUUID().slice(0, 8)}`,
};
const COMMANDER: Who = { role: 'commander', sub: `commander-${randomUUID().slice(0, 8)}` };
const NCLCC: Who = { role: 'nclcc', sub: NCLCC_SUB };

/** A long journey on a shared 2-core machine: each step may wait a good while for the platform. */
const STEP_MS = 30_000;
const TEST_MS = 240_000;

/** Keyboard only: focus a control and press a key on it (Enter on buttons and links, Space on boxes). */
async function press(target: Locator, key = 'Enter') {
  await target.focus();
  await target.page().keyboard.press(key);
}

async function axeClean(page: Page, state: string) {
  expect({ state, failures: await accessibilityFailures(page) }).toEqual({ state, failures: [] });
}

/** Follows a link of the main navigation, by keyboard, and waits for its page. */
async function navigate(page: Page, href: string) {
  await press(page.locator(`#main-nav a[href="${href}"]`));
  await page.waitForURL(`**${href}`);
}

/** The home page, the one address typed, its needs loaded. */
async function home(page: Page) {
  await page.goto('/');
  await page.locator('#workspace:not([hidden])').waitFor();
  await page.locator('#needs-status', { hasText: /need|Nothing/ }).waitFor();
}

/** A `datetime-local` value in the browser's own time zone, this many hours from now. */
const localIn = (page: Page, hours: number) =>
  page.evaluate((h) => {
    const d = new Date(Date.now() + h * 3_600_000);
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 16);
  }, hours);

/** The badge's unread count as it reads: 0 when hidden. */
async function badgeCount(page: Page): Promise<number> {
  const badge = page.locator('#inbox-badge');
  if (await badge.isHidden()) return 0;
  return Number(((await badge.textContent()) ?? '').match(/^(\d+) unread$/)?.[1] ?? NaN);
}

/**
 * The whole of an intensification week in headless Chromium, each user starting at `/` and
 * reaching every page through the navigation, the cards, the inbox and links: the NCLCC plans
 * and tasks, the region acknowledges, the force reports, a commander watches the board, a
 * replacement number reaches the DDTRO desk, and the week closes with final figures.
 */
describe('a whole week in the browser, from the home page', () => {
  let browser: Browser;
  const sessions = new Map<string, BrowserSession>();
  const brands = [freshBrand('Wholeweek'), freshBrand('Wholeweek'), freshBrand('Wholeweek')];
  const lines: { id: string; numbers: { number: string }[] }[] = [];
  const weekName = `Whole week ${Date.now()}`;
  const action = `Arrest the holder of ${brands[0]}`;
  let weekId: string;
  let taskingId: string;

  /** The console has opened the week, its controls wired: it moves focus to the heading last. */
  async function weekOpened(page: Page) {
    await page.locator('#week-heading', { hasText: weekName }).waitFor();
    await page.locator('#week-heading:focus').waitFor();
  }

  /** One browser context per user, kept across steps (the commander's "last looked" lives there). */
  async function pageOf(who: Who): Promise<Page> {
    const key = JSON.stringify(who);
    let session = sessions.get(key);
    if (!session) {
      session = await newSession(browser);
      session.page.setDefaultTimeout(STEP_MS);
      sessions.set(key, session);
      if (who.role !== 'nclcc') await signedIn(session.page, who, '/');
    }
    return session.page;
  }

  /** The user's page at home, `/` being the one address typed. */
  async function atHome(who: Who): Promise<Page> {
    const page = await pageOf(who);
    await home(page);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    // What the forces' monthly returns would supply: three lines of one holder with every
    // risk and their deal numbers, so the harm ranking puts them among its first hundred.
    const holder = freshHolder();
    const riskFactors = { childrenExploited: true, weapons: true, violence: true, cuckooing: true };
    const places: [string, string[]][] = [
      [DORSET, [DEVON_CORNWALL, AVON_SOMERSET, WILTSHIRE]],
      [WILTSHIRE, [DORSET, AVON_SOMERSET, DEVON_CORNWALL]],
      [DORSET, [WILTSHIRE, DEVON_CORNWALL, AVON_SOMERSET]],
    ];
    for (const [i, [exportingForce, importingForces]] of places.entries())
      lines.push(
        await registerLine({
          brand: brands[i],
          exportingForce,
          importingForces,
          numbers: [freshNumber(), freshNumber()],
          holderRefs: [holder],
          riskFactors,
          lastIntelligenceAt: new Date().toISOString(),
        }),
      );
  }, TEST_MS);

  afterAll(async () => {
    for (const s of sessions.values()) await s.context.close();
    await browser?.close();
  });

  afterEach(() => {
    for (const [who, s] of sessions)
      expect({ who, errors: s.pageErrors }).toEqual({ who, errors: [] });
  });

  it(
    'the NCLCC plans a week running now, chooses focus lines and tasks a focus force',
    async () => {
      const page = await pageOf(NCLCC);
      await page.goto('/');
      await page.getByLabel('User id', { exact: true }).fill(NCLCC_SUB);
      await press(page.getByRole('button', { name: 'Sign in' }));
      await page.locator('#who-name', { hasText: NCLCC_SUB }).waitFor();
      await page.locator('#needs-status', { hasText: /need|Nothing/ }).waitFor();
      await axeClean(page, 'nclcc home');

      await navigate(page, '/weeks');
      await page.locator('#weeks-rows').waitFor({ state: 'attached' });
      await axeClean(page, 'console');
      const create = page.locator('#create-form');
      await create.getByLabel('Name').fill(weekName);
      await create.getByLabel('Starts').fill(await localIn(page, -2));
      await create.getByLabel('Ends').fill(await localIn(page, 5 * 24));
      await press(create.getByRole('button', { name: 'Create the week' }));
      await weekOpened(page);
      const row = page.locator('#weeks-rows tr', { hasText: weekName });
      await row.locator('td.status', { hasText: 'Active' }).waitFor();
      weekId = (await row.getAttribute('data-id'))!;
      await axeClean(page, 'week created');

      for (const brand of brands)
        await press(page.getByRole('checkbox', { name: `Choose ${brand}` }), 'Space');
      await press(page.getByRole('button', { name: 'Choose focus lines' }));
      await page.locator('#focus-result', { hasText: '3 focus lines chosen' }).waitFor();
      for (const force of ['Dorset', 'Wiltshire', 'Devon and Cornwall', 'Avon and Somerset'])
        await page.locator('#focus-forces li', { hasText: `${force} (Focus lines)` }).waitFor();
      await axeClean(page, 'focus chosen');
      await screenshot(page, 'whole-week-01-focus');

      await navigate(page, '/taskings');
      await page.getByLabel('Week', { exact: true }).selectOption(weekId);
      await page.locator('#operation-focus', { hasText: 'Dorset' }).waitFor();
      await page.locator('#live-state[data-state="live"]').waitFor();
      await axeClean(page, 'nclcc taskings');
      await page.locator('#issue-force').selectOption(DORSET);
      await page.locator('#issue-lineSearch').fill(brands[0]);
      await press(page.locator('#issue-lineSearch'));
      await page
        .locator('#issue-lineId option', { hasText: brands[0] })
        .waitFor({ state: 'attached' });
      await page.locator('#issue-lineId').selectOption(lines[0].id);
      await page.locator('#issue-action').fill(action);
      await press(page.locator('#issue-one'));
      await page.locator('#issue-result', { hasText: 'Issued 1 tasking: Dorset.' }).waitFor();
      const issued = page.locator('#taskings-rows tr', { hasText: action });
      await issued.waitFor();
      taskingId = (await issued.getAttribute('data-id'))!;
      const t = (
        await api('GET', `/api/v1/taskings/${taskingId}`, { token: await tokenFor(NCLCC) })
      ).body;
      expect(t).toMatchObject({ operationId: weekId, force: DORSET, lineId: lines[0].id });
      await axeClean(page, 'tasking issued');
    },
    TEST_MS,
  );

  /** The commander looks at the week's board, from home through the Board page's list of weeks. */
  async function commanderOpensBoard(): Promise<Page> {
    const page = await atHome(COMMANDER);
    await navigate(page, '/board');
    await press(page.locator('#week-list').getByRole('link', { name: weekName, exact: true }));
    await page.waitForURL(`**/board/${weekId}`);
    await page.locator('#stream-status[data-state=live]').waitFor();
    await page.locator('#figures [data-figure=arrests]').waitFor();
    return page;
  }

  it(
    'a commander first looks at the board of the new week',
    async () => {
      const page = await commanderOpensBoard();
      await page.locator('#seen-status', { hasText: 'No figures have changed' }).waitFor();
      await axeClean(page, 'commander board, first look');
    },
    TEST_MS,
  );

  it(
    "the region's coordinator follows the inbox to the tasking and acknowledges it",
    async () => {
      const note = await awaitNotification(
        COORDINATOR,
        (n) => n.taskingId === taskingId,
        'the tasking in the coordinator inbox',
        STEP_MS,
      );
      const page = await atHome(COORDINATOR);
      await waitFor(
        () => badgeCount(page),
        (n) => n > 0,
        { timeoutMs: STEP_MS, intervalMs: 200, what: 'an unread count on the badge' },
      );
      await axeClean(page, 'coordinator home');

      await navigate(page, '/inbox');
      const item = page.locator(`#notifications a[data-open="${note.id}"]`);
      await item.waitFor();
      await axeClean(page, 'coordinator inbox');
      await press(item);
      await page.waitForURL(/\/taskings\?/);
      // The link names the week; the page chooses it once its weeks have loaded.
      await page.locator(`#operation option[value="${weekId}"]`).waitFor({ state: 'attached' });
      await waitFor(
        () => page.locator('#operation').inputValue(),
        (v) => v === weekId,
        { timeoutMs: STEP_MS, intervalMs: 100, what: 'the week of the link chosen' },
      );
      const row = page.locator(`#taskings-rows tr[data-id="${taskingId}"]`);
      await row.waitFor();
      await axeClean(page, 'coordinator taskings');

      await press(row.getByRole('checkbox', { name: 'Select tasking for Dorset' }), 'Space');
      await press(page.locator('#acknowledge-selected'));
      await page.locator('#bulk-result', { hasText: 'Acknowledged 1 of 1 tasking.' }).waitFor();
      await page
        .locator(`#taskings-rows tr[data-id="${taskingId}"][data-status="acknowledged"]`)
        .waitFor();
      await axeClean(page, 'acknowledged');
    },
    TEST_MS,
  );

  it(
    'the tasked force reports an arrest from the tasking, and the outcome carries it',
    async () => {
      const page = await atHome(DORSET_USER);
      await axeClean(page, 'force home');
      await navigate(page, '/taskings');
      await page.getByLabel('Week', { exact: true }).selectOption(weekId);
      const row = page.locator(`#taskings-rows tr[data-id="${taskingId}"]`);
      await row.waitFor();
      await axeClean(page, 'force taskings');
      await press(row.getByRole('link', { name: /^Report outcome/ }));

      await page.waitForURL(/\/report\?/);
      await page.locator('#tasking-context', { hasText: action }).waitFor();
      expect(await page.locator('#week').inputValue()).toBe(weekId);
      expect(await page.locator('#force').inputValue()).toBe(DORSET);
      await page.locator('#f-lineId option', { hasText: brands[0] }).waitFor({ state: 'attached' });
      expect(await page.locator('#f-lineId').inputValue()).toBe(lines[0].id);
      await axeClean(page, 'report pre-filled');

      await press(page.getByLabel('Arrest', { exact: true }), 'Space');
      await page.getByLabel('People arrested').fill('2');
      await page.getByLabel('When it happened').fill(await localIn(page, -1));
      await press(page.locator('#submit-outcome'));
      await page.locator('#form-result', { hasText: 'It is linked to the tasking.' }).waitFor();
      await axeClean(page, 'reported');

      const outcomes = await waitFor(
        async () =>
          api('GET', `/api/v1/operations/${weekId}/outcomes?force=${DORSET}`, {
            token: await tokenFor(DORSET_USER),
          }),
        (r) => r.status === 200 && r.body.items.length === 1,
        { timeoutMs: STEP_MS, what: 'the reported outcome' },
      );
      expect(outcomes.body.items[0].current).toMatchObject({
        type: 'arrest',
        count: 2,
        taskingId,
        lineId: lines[0].id,
      });
    },
    TEST_MS,
  );

  it(
    "the commander's board counts the arrests and marks them as changed since the last look",
    async () => {
      const token = await tokenFor(COMMANDER);
      const counted = await waitFor(
        () => board(weekId, token),
        (b) => b.national.arrests > 0,
        { timeoutMs: STEP_MS, what: 'the arrests on the board' },
      );
      const page = await commanderOpensBoard();
      const arrests = page.locator('#figures [data-figure=arrests]');
      expect(Number(await arrests.getAttribute('data-value'))).toBe(counted.national.arrests);
      expect(counted.national.arrests).toBe(2);
      await page.locator('#seen-status', { hasText: 'changed since you last looked' }).waitFor();
      expect(await arrests.getAttribute('class')).toContain('changed');
      expect(await arrests.locator('.change-cue').textContent()).toMatch(/^ \+2 since \d\d:\d\d/);
      await axeClean(page, 'commander board, changed');
      await screenshot(page, 'whole-week-02-board');
    },
    TEST_MS,
  );

  it(
    'a replacement number on an ordered focus line reaches the DDTRO desk, which applies for it',
    async () => {
      // The NCLCC's register work: an order applied for and granted on a focus line's number.
      const [ordered] = lines[0].numbers.map((n) => n.number);
      const applied = await applyDdtros(lines[0].id, [ordered]);
      expect(applied.status).toBe(201);
      expect((await decide(applied.body.ddtros[0].id, 'grant')).status).toBe(200);
      // Dorset's own system records the number the line moved to.
      const replacement = freshNumber();
      const added = await api('POST', `/api/v1/lines/${lines[0].id}/numbers`, {
        token: await tokenFor(DORSET_USER),
        body: { number: replacement, replaces: ordered },
      });
      expect(added.status).toBe(200);
      const note = await awaitNotification(
        NCLCC,
        (n) =>
          n.kind === 'ddtro.replacement-number' &&
          (n as { lineId?: string }).lineId === lines[0].id,
        'the replacement number in the NCLCC inbox',
        STEP_MS,
      );

      const page = await atHome(NCLCC);
      await axeClean(page, 'nclcc home, replacement');
      await navigate(page, '/inbox');
      await page.locator(`#notifications a[data-open="${note.id}"]`).waitFor();
      await axeClean(page, 'nclcc inbox');

      await navigate(page, '/ddtros');
      const box = page.locator(`#replacements-rows input[data-number="${replacement}"]`);
      await box.waitFor();
      await axeClean(page, 'ddtro desk');
      await press(box, 'Space');
      await press(page.locator('#apply-selected'));
      await page.locator('#decide-dialog[open]').waitFor();
      expect(await page.locator('#decide-dialog-what').textContent()).toContain(replacement);
      await axeClean(page, 'apply dialog');
      await press(page.locator('#decide-dialog-submit'));
      await page.locator('#decide-dialog').waitFor({ state: 'hidden' });
      await page.locator('#apply-result', { hasText: '1 applied' }).waitFor();
      await page
        .locator('#orders-rows tr', { hasText: replacement })
        .locator('.badge.applied')
        .waitFor();
      expect(await replacementAlertsOf([replacement], '&status=applied')).toHaveLength(1);
      await axeClean(page, 'applied');
    },
    TEST_MS,
  );

  it(
    'the NCLCC closes the week from the console, and the board says its figures are final',
    async () => {
      const page = await atHome(NCLCC);
      await navigate(page, '/weeks');
      await press(page.getByRole('button', { name: `Open ${weekName}`, exact: true }));
      await weekOpened(page);
      await press(page.getByRole('button', { name: 'Close the week' }));
      await page.locator('#confirm-dialog[open]').waitFor();
      await axeClean(page, 'confirm close');
      await page.keyboard.press('Enter');
      await page.locator('#close-result', { hasText: 'is closed' }).waitFor();
      await page
        .locator(`#weeks-rows tr[data-id="${weekId}"] td.status`, { hasText: 'Closed' })
        .waitFor();
      await axeClean(page, 'closed');

      const token = await tokenFor(COMMANDER);
      await waitFor(
        () => board(weekId, token),
        (b) => b.final === true,
        { timeoutMs: STEP_MS, what: 'the board final' },
      );
      const board_ = await commanderOpensBoard();
      await board_.locator('#final-flag', { hasText: 'final figures' }).waitFor();
      await axeClean(board_, 'commander board, final');
    },
    TEST_MS,
  );
});
