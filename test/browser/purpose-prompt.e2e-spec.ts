import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import { freshBrand, freshHolder, freshNumber, registerLine } from '../support/intelligence';
import { MET } from '../support/scenario';
import { BrowserSession, launchBrowser, newSession, screenshot } from '../support/browser';
import type { Browser, Page } from 'playwright-core';

describe('purpose prompt', () => {
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await newSession(browser, { answerPurpose: false });
    page = session.page;
    page.setDefaultTimeout(10_000);
  });
  afterEach(async () => {
    await session.context.close();
    expect(session.pageErrors).toEqual([]);
  });

  it('asks once per session, in an accessible dialog, and the server logs the purpose', async () => {
    const brand = freshBrand('Purpose');
    const holder = freshHolder();
    await registerLine({
      brand,
      exportingForce: MET,
      numbers: [freshNumber()],
      holderRefs: [holder],
    });
    const sub = `purpose-${randomUUID().slice(0, 8)}`;
    const sent: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/v1/lines'))
        sent.push(r.headers()['x-purpose']);
    });
    let asked = 0;
    await page.exposeFunction('purposeAsked', () => asked++);
    // Counts each time a page puts the dialog up.
    await page.addInitScript(`new MutationObserver((changes) => {
      for (const c of changes)
        for (const n of c.addedNodes) if (n.id === 'purpose-dialog') window.purposeAsked();
    }).observe(document, { childList: true, subtree: true });`);

    await page.goto('/lines');
    await page.getByLabel('NCLCC (national)').check();
    await page.getByLabel('User id', { exact: true }).fill(sub);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#who-name', { hasText: sub }).waitFor();

    // The register lists lines on arrival: the first read asks. Escape declines: nothing is
    // read and the page says why.
    const dialog = page.getByRole('dialog', { name: 'Why are you looking?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('#lines-status', { hasText: 'X-Purpose' }).waitFor();

    await page.getByLabel('Brand or number').fill(brand);
    await page.getByRole('button', { name: 'Search' }).click();
    await dialog.waitFor();
    // Focus stays in the dialog while it is open.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const inside = "!!document.activeElement?.closest('#purpose-dialog')";
      expect(await page.evaluate<boolean>(inside)).toBe(true);
    }
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Choose why you are looking' }).waitFor();
    await dialog
      .getByLabel('Something else: say why')
      .fill('Checking a referral from children’s services');
    await screenshot(page, 'purpose-prompt');
    await dialog.getByLabel('Something else: say why').fill('Checking a referral from CSC');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#lines-status', { hasText: 'Showing 1 line' }).waitFor();

    await page.locator('#lines-rows').getByRole('button', { name: brand }).click();
    await page.locator('#detail-summary', { hasText: holder }).waitFor();
    await page.reload();
    await page.getByLabel('Brand or number').fill(brand);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#lines-status', { hasText: 'Showing 1 line' }).waitFor();

    expect(asked).toBe(2);
    expect(sent.filter((p) => p === 'Checking a referral from CSC').length).toBeGreaterThanOrEqual(
      3,
    );
    const log = await api('GET', `/api/v1/access-log?sub=${sub}`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    // Newest first: the search and the list on arrival after the reload, the line, the search.
    expect(log.body.items.map((e: any) => [e.what.route, e.purpose])).toEqual([
      ['GET /api/v1/lines', 'Checking a referral from CSC'],
      ['GET /api/v1/lines', 'Checking a referral from CSC'],
      ['GET /api/v1/lines/:id', 'Checking a referral from CSC'],
      ['GET /api/v1/lines', 'Checking a referral from CSC'],
    ]);
    expect(log.body.items[2].what.subjectRefs).toContain(holder);
  });
});
