import { Page } from 'playwright-core';
import { waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor, Who } from '../support/api';
import { screenshot, useBrowserSessions } from '../support/browser';
import { runEnv } from '../support/run-env';
import { MERSEYSIDE } from '../support/scenario';
import { issue, taskingBody } from '../support/taskings';

const cards = async (page: Page) =>
  (await page.locator('#cards a').allTextContents()).map((t) => t.trim());

async function home(page: Page, who: Who) {
  const token = await tokenFor(who);
  await page.addInitScript(`sessionStorage.setItem('intensify.token', ${JSON.stringify(token)})`);
  await page.goto('/');
  await page.locator('#workspace:not([hidden])').waitFor();
  await page.locator('#needs-status', { hasText: /need|Nothing/ }).waitFor();
}

/**
 * The home page at `/` for each role, in headless Chromium: the cards of the pages the role
 * may use, what needs the user now (a tasking issued to Merseyside for its force and region,
 * not for another region), the commander's headline figures, and no axe violations.
 */
describe('home page', () => {
  const browser = useBrowserSessions();
  let week: { id: string; name: string };
  const action = `Visit the trap house ${Date.now()}`;

  beforeAll(async () => {
    // Started a second ago: the active week that started last (other suites' weeks started
    // before they were made), the one a commander sees.
    const res = await api('POST', '/api/v1/operations', {
      token: await tokenFor({ role: 'nclcc' }),
      body: {
        name: `Home week ${Date.now()}`,
        startsAt: new Date(Date.now() - 1_000).toISOString(),
        endsAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
      },
    });
    expect(res.status).toBe(201);
    week = res.body;
    expect((await issue(week.id, taskingBody(MERSEYSIDE, { action }))).status).toBe(201);
  });

  it('is served at the root with the pages CSP', async () => {
    const res = await fetch(`${runEnv().gatewayUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('/home/assets/home.js');
  });

  it('shows a force user the tasking issued to it under "Needs you now"', async () => {
    const page = browser.page;
    await home(page, { role: 'force', force: MERSEYSIDE, sub: 'merseyside-user' });
    const need = page.locator('#needs-list li', { hasText: action });
    await need.waitFor();
    expect(await need.textContent()).toContain('awaiting acknowledgement');
    expect(await need.locator('a').getAttribute('href')).toMatch(
      new RegExp(`^/taskings\\?operation=${week.id}&tasking=[0-9a-f-]{36}$`),
    );
    expect(await cards(page)).toEqual([
      'Report',
      'Baselines',
      'Taskings',
      'Board',
      'Lines register',
      'Safeguarding',
      'Inbox',
    ]);
    expect(await page.locator('#main-nav a[aria-current=page]').textContent()).toBe('Home');
    await page.locator('#person-level:not([hidden])').waitFor();
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'home-01-force');
  });

  it('lists the unread notifications, as many as the badge counts, each to its row', async () => {
    const page = browser.page;
    await home(page, { role: 'force', force: MERSEYSIDE, sub: `home-inbox-${Date.now()}` });
    const note = page.locator('#home-inbox-list li', { hasText: /tasking for Merseyside/ }).first();
    await note.waitFor();
    expect(await note.locator('a').getAttribute('href')).toMatch(
      new RegExp(`^/taskings\\?operation=[0-9a-f-]{36}&tasking=[0-9a-f-]{36}$`),
    );
    const badge = page.locator('#inbox-badge:not([hidden])');
    await badge.waitFor();
    // Both follow the one stream: wait until they agree, then compare.
    const countIn = async (selector: string) =>
      Number((await page.locator(selector).textContent())?.match(/^\d+/)?.[0] ?? NaN);
    const counts = await waitFor(
      async () => [await countIn('#inbox-badge'), await countIn('#home-inbox-status')],
      ([badgeCount, homeCount]) => badgeCount > 0 && badgeCount === homeCount,
      { timeoutMs: 15_000, intervalMs: 200, what: 'the home inbox count to match the badge' },
    );
    expect(await page.locator('#home-inbox-list li').count()).toBe(Math.min(counts[0], 5));
    expect(await page.locator('#home-inbox a[href="/inbox"]').textContent()).toBe('Open the inbox');
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'home-02-inbox');
  });

  it("shows a regional coordinator its forces' taskings, and not another region's", async () => {
    const page = browser.page;
    await home(page, { role: 'regional', region: 'north-west' });
    await page.locator('#needs-list li', { hasText: action }).waitFor();
    expect(await cards(page)).not.toContain('Plan weeks');
    expect(await accessibilityFailures(page)).toEqual([]);

    const other = await browser.session.context.newPage();
    await home(other, { role: 'regional', region: 'london' });
    expect(await other.locator('#needs-list li', { hasText: action }).count()).toBe(0);
    await other.close();
  });

  it('offers the NCLCC the planning console among its cards', async () => {
    const page = browser.page;
    await home(page, { role: 'nclcc' });
    const list = await cards(page);
    expect(list[0]).toBe('Plan weeks');
    expect(list).toContain('Taskings');
    expect(await page.locator('#main-nav a', { hasText: 'Plan weeks' }).count()).toBe(1);
    expect(await accessibilityFailures(page)).toEqual([]);
  });

  it("shows a commander the active week's headline figures and a link to its board", async () => {
    const page = browser.page;
    await home(page, { role: 'commander' });
    await page.locator('#headline:not([hidden])').waitFor();
    expect(await page.locator('#headline-week').textContent()).toBe(week.name);
    expect(await page.locator('#headline-board').getAttribute('href')).toBe(`/board/${week.id}`);
    await page.locator('#headline-figures dt').first().waitFor();
    expect(await page.locator('#headline-figures dt').allTextContents()).toEqual([
      'Arrests',
      'People safeguarded',
      'Lines closed',
      'Taskings overdue',
    ]);
    expect(await cards(page)).toEqual(['Taskings', 'Board', 'Lines register', 'Inbox']);
    expect(await page.locator('#person-level').getAttribute('hidden')).not.toBeNull();
    expect(await accessibilityFailures(page)).toEqual([]);
    await screenshot(page, 'home-02-commander');
  });
});
