import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { runEnv } from './run-env';

export const SCREENSHOT_DIR = join(__dirname, '..', 'artifacts', 'screenshots');

/**
 * Debian's Chromium, headless. On this closed network Chromium must not try to reach Google
 * (QUIC, component updates, sync, background fetches), or pages stall waiting for it.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen in the page, to assert there were none. */
  pageErrors: string[];
}

/**
 * A fresh context per test (no shared storage or cookies), pointed at this run's gateway, in
 * the UK time zone so that local-time entry is exercised with a real offset.
 */
export async function newSession(browser: Browser): Promise<BrowserSession> {
  const context = await browser.newContext({
    baseURL: runEnv().gatewayUrl,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // A 4xx the page asked for and handled is logged by Chromium as a resource error: not a fault.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      pageErrors.push(m.text());
  });
  return { context, page, pageErrors };
}

/** Saves a full-page screenshot under test/artifacts/screenshots (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
