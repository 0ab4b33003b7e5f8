import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { HEADLESS_CHROMIUM_ARGS } from '../../apps/gateway/src/summary/chromium-args';
import { tokenFor, Who } from './api';
import { runEnv } from './run-env';

export const SCREENSHOT_DIR = join(__dirname, '..', 'artifacts', 'screenshots');

/** Debian's Chromium, headless, with the switches the gateway's PDF rendering uses too. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: HEADLESS_CHROMIUM_ARGS,
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen in the page, to assert there were none. */
  pageErrors: string[];
}

/** What a browser test answers when a page asks why the user reads person-level data. */
export const BROWSER_TEST_PURPOSE = 'Audit';

/**
 * Answers the pages' purpose dialog whenever it appears, as a user would, so tests of other
 * behaviour go on; the dialog's own test asks for it not to be answered.
 */
async function answerPurposeWhenAsked(page: Page): Promise<void> {
  await page.addLocatorHandler(page.locator('#purpose-dialog'), async (dialog) => {
    await dialog.getByLabel(BROWSER_TEST_PURPOSE, { exact: true }).check();
    await dialog.getByRole('button', { name: 'Continue' }).click();
  });
}

/**
 * A fresh context per test (no shared storage or cookies), pointed at this run's gateway, in
 * the UK time zone so that local-time entry is exercised with a real offset.
 */
export async function newSession(
  browser: Browser,
  { answerPurpose = true } = {},
): Promise<BrowserSession> {
  const context = await browser.newContext({
    baseURL: runEnv().gatewayUrl,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  if (answerPurpose) await answerPurposeWhenAsked(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // A 4xx the page asked for and handled is logged by Chromium as a resource error: not a fault.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      pageErrors.push(m.text());
  });
  return { context, page, pageErrors };
}

/**
 * Saves a screenshot under test/artifacts/screenshots (git-ignored): the full page, or with
 * `fullPage: false` only what the screen shows (a wall screen does not scroll).
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * The hooks every browser test file needs: one browser for the file, a fresh session for each
 * test, and no page errors allowed at its end. Read `page` and `session` inside a test.
 */
export function useBrowserSessions(): { readonly session: BrowserSession; readonly page: Page } {
  let browser: Browser;
  let current: BrowserSession | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    current = await newSession(browser);
    current.page.setDefaultTimeout(10_000);
  });
  afterEach(async () => {
    await current?.context.close();
    expect(current?.pageErrors).toEqual([]);
  });
  return {
    get session() {
      return current!;
    },
    get page() {
      return current!.page;
    },
  };
}

/** Opens `path` already signed in as `who` (a dev token in the tab's session). */
export async function signedIn(page: Page, who: Who, path: string): Promise<void> {
  const token = await tokenFor(who);
  await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
  await page.goto(path);
}

/**
 * Presses Tab until the element has focus: it is reachable by keyboard. The bound is generous
 * because desks list every row in scope, and suites of one run share the platform's data.
 */
export async function tabTo(page: Page, selector: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.locator(selector).evaluate((el: any) => el === el.ownerDocument.activeElement))
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reached by Tab`);
}
