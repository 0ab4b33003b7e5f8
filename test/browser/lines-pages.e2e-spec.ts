import { Browser, Page } from 'playwright-core';
import { api } from '../support/api';
import { BrowserSession, launchBrowser, newSession, screenshot } from '../support/browser';
import {
  applyDdtros,
  as,
  freshBrand,
  freshHolder,
  freshNumber,
  registerLine,
  RETURN_HEADER,
} from '../support/intelligence';
import { MERSEYSIDE, MET } from '../support/scenario';

/** The register (/lines) and the monthly-return upload (/lines/returns) in headless Chromium. */
describe('lines pages', () => {
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
    session = await newSession(browser);
    page = session.page;
    page.setDefaultTimeout(10_000);
  });
  afterEach(async () => {
    await session.context.close();
    expect(session.pageErrors).toEqual([]);
  });

  async function signInNclcc(path: string) {
    await page.goto(path);
    await page.getByLabel('NCLCC (national)').check();
    await page.getByLabel('User id', { exact: true }).fill('nclcc-browser');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#who-name', { hasText: 'nclcc-browser' }).waitFor();
  }

  it('finds a line by brand and shows its numbers, history, orders and alerts', async () => {
    const brand = freshBrand('Browser');
    const [n1, n2, n3] = [freshNumber(), freshNumber(), freshNumber()];
    const holder = freshHolder();
    const l = await registerLine({
      brand,
      exportingForce: MET,
      importingForces: [MERSEYSIDE],
      numbers: [n1, n2],
      holderRefs: [holder],
    });
    const [order] = (await applyDdtros(l.id, [n1])).body.ddtros;
    await api('POST', `/api/v1/ddtros/${order.id}/grant`, { token: await as(), body: {} });
    await api('POST', `/api/v1/lines/${l.id}/numbers`, {
      token: await as(),
      body: { number: n3, replaces: n1 },
    });

    await signInNclcc('/lines');
    await page.getByLabel('Brand or number').fill(brand);
    await page.getByLabel('Status').selectOption('active');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#lines-status', { hasText: 'Showing 1 line' }).waitFor();
    const row = page.locator('#lines-rows tr');
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe(
      'Metropolitan Police Service',
    );
    await expect(row.locator('td').nth(4).textContent()).resolves.toBe('2');
    await row.getByRole('button', { name: brand }).click();
    await page.locator('#detail-heading', { hasText: brand }).waitFor();
    await expect(page.locator('#detail-summary').textContent()).resolves.toContain(holder);
    const numbers = await page.locator('#numbers-rows tr').allTextContents();
    expect(numbers.find((t) => t.includes(n1))).toContain('replaced');
    expect(numbers.find((t) => t.includes(n1))).toContain(n3);
    const history = await page.locator('#history-list li').allTextContents();
    expect(history.some((h) => h.includes(`${n1} replaced by ${n3}`))).toBe(true);
    await expect(page.locator('#orders-rows tr').first().textContent()).resolves.toContain(
      'granted',
    );
    await expect(page.locator('#alerts-list').textContent()).resolves.toContain(
      `Replacement number ${n3}`,
    );
    await screenshot(page, 'lines-register-detail');

    // A number finds the line too; a force filter elsewhere does not.
    await page.getByLabel('Brand or number').fill(n2);
    await page.getByLabel('Status').selectOption('');
    await page.locator('#filter-force').selectOption('E23000032');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#lines-status', { hasText: 'Nothing found' }).waitFor();
    await page.locator('#filter-force').selectOption(MERSEYSIDE);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#lines-status', { hasText: 'Showing 1 line' }).waitFor();
  });

  it('uploads a return and shows what changed, rejected rows, and a replay changing nothing', async () => {
    const brand = freshBrand('Upload');
    const csv = `${RETURN_HEADER}\n${brand},,${MERSEYSIDE},${freshNumber()},,,yes,,,,,,\nBad,,,12,,,,,,,,,\n`;
    await signInNclcc('/lines/returns');
    await page.locator('#return-force').selectOption(MET);
    await page.getByLabel('Month').fill('2026-09');
    const upload = async () => {
      await page
        .getByLabel('CSV file')
        .setInputFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Upload' }).click();
    };
    await upload();
    await page
      .locator('#report-totals', { hasText: '1 new, 0 updated, 0 unchanged, 1 rejected' })
      .waitFor();
    await expect(page.locator('#changes-rows tr').first().textContent()).resolves.toContain(brand);
    await expect(page.locator('#rejected-rows').textContent()).resolves.toContain(
      '12 is not a UK mobile number',
    );
    await screenshot(page, 'lines-return-report');
    await upload();
    await page.locator('#report-totals', { hasText: 'uploaded before' }).waitFor();
    // No file: the page says so beside the field.
    await page.getByLabel('CSV file').setInputFiles([]);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.locator('#return-file-error', { hasText: 'Choose a CSV file' }).waitFor();
  });
});
