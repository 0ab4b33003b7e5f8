import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Locator, Page } from 'playwright-core';
import { CSV_COLUMNS } from '@intensify/contracts';
import { waitFor } from '@intensify/testing';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor } from '../support/api';
import { screenshot, useBrowserSessions } from '../support/browser';
import { freshBrand, registerLine } from '../support/intelligence';
import { runEnv } from '../support/run-env';
import {
  board,
  createActiveWeek,
  GREATER_MANCHESTER,
  MERSEYSIDE,
  report,
} from '../support/scenario';

/**
 * The reporting page at /report, driven in real headless Chromium against the running platform:
 * what a regional coordinator types reaches the board with the same figures.
 */
describe('reporting page', () => {
  const REGION = 'north-west';
  const SUB = 'regional-nw-browser';
  const browser = useBrowserSessions();
  let page: Page;
  beforeEach(() => {
    page = browser.page;
  });

  const regionalToken = () => tokenFor({ role: 'regional', region: REGION, sub: SUB });

  async function signIn() {
    await page.goto('/report');
    await page.getByLabel('Regional coordinator').check();
    await page.locator('#sign-in-region').selectOption(REGION);
    await page.getByLabel('User id', { exact: true }).fill(SUB);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#who-name', { hasText: SUB }).waitFor();
  }

  async function chooseWeek(weekId: string, force = MERSEYSIDE) {
    await page.locator('#week').selectOption(weekId);
    await page.locator('#force').selectOption(force);
    await page.locator('#submissions-status', { hasText: /Showing|Nothing/ }).waitFor();
  }

  /** A `datetime-local` value for an instant, as the page's Europe/London clock shows it. */
  function londonInput(ms: number): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(ms))
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  }

  const minuteOf = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
  const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const row = (hasText: string | RegExp) => page.locator('#submissions-rows tr', { hasText });

  async function describedBy(l: Locator): Promise<string[]> {
    return ((await l.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  }

  it('serves the page and its assets with no build step, and nothing outside its folder', async () => {
    const html = await fetch(`${runEnv().gatewayUrl}/report`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const js = await fetch(`${runEnv().gatewayUrl}/report/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of ['missing.js', '..%2F..%2F..%2Fpackage.json', '.eslintrc.js']) {
      expect((await fetch(`${runEnv().gatewayUrl}/report/assets/${path}`)).status).toBe(404);
    }
  });

  it('signs a regional coordinator in and offers only the forces of their region', async () => {
    const op = await createActiveWeek('Browser sign-in week');
    await page.goto('/report');
    await page.locator('#sign-in-region option').first().waitFor({ state: 'attached' });
    await screenshot(page, '01-sign-in');
    await signIn();
    expect(await text(page.locator('#who-name'))).toBe(`${SUB} (regional coordinator, North West)`);
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(1);

    const regions = (await api('GET', '/api/v1/regions')).body;
    const mine = regions.find((r: any) => r.code === REGION).forces;
    const offered = await page
      .locator('#force option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(offered.sort()).toEqual([...mine].sort());
    expect(await text(page.locator(`#week option[value="${op.id}"]`))).toMatch(/active$/);
    await chooseWeek(op.id);
    await screenshot(page, '02-signed-in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#sign-in-form').waitFor();
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
  });

  it('submits an arrest, lists it and its figures reach the board', async () => {
    const op = await createActiveWeek('Browser arrest week');
    const brand = freshBrand('Browser');
    const lineId = (await registerLine({ brand, exportingForce: MERSEYSIDE, numbers: [] })).id;
    await signIn();
    await chooseWeek(op.id);
    const when = Date.now() - 3_600_000;
    await page.getByLabel('Arrest', { exact: true }).check();
    await page.getByLabel('People arrested').fill('3');
    await page.getByLabel('Of whom under 18').fill('1');
    await page.getByLabel('Of whom charged').fill('2');
    await page.getByLabel('When it happened').fill(londonInput(when));
    // The line is picked by brand, from the keyboard; its id is never shown.
    await page.getByLabel('Find a line by brand').fill(brand.slice(-8));
    await page.getByLabel('Find a line by brand').press('Enter');
    const choice = page.locator('#f-lineId option', { hasText: brand });
    await choice.waitFor({ state: 'attached' });
    expect(await text(choice)).toBe(`${brand}, exporting from Merseyside`);
    await page.waitForFunction("document.activeElement?.id === 'f-lineId'", undefined, {
      timeout: 2_000,
    });
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-lineId').inputValue()).toBe(lineId);
    expect(await page.locator('main').innerText()).not.toContain(lineId);
    expect(await accessibilityFailures(page)).toEqual([]);
    await page.getByLabel('Note', { exact: true }).fill('Warrant at a cuckooed flat');
    await page.getByRole('button', { name: 'Submit report' }).click();

    const result = page.locator('#form-result', { hasText: 'Report accepted' });
    await result.waitFor();
    const id = (await text(result)).match(/Reference: (\S+)\.$/)![1];
    expect(await page.getByLabel('People arrested').inputValue()).toBe('');
    await row('3 arrested, 1 under 18, 2 charged').waitFor();
    await screenshot(page, '03-arrest-submitted');

    const listed = await api('GET', `/api/v1/operations/${op.id}/outcomes?force=${MERSEYSIDE}`, {
      token: await regionalToken(),
    });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      id,
      version: 1,
      status: 'live',
      current: {
        type: 'arrest',
        force: MERSEYSIDE,
        count: 3,
        under18: 1,
        charged: 2,
        lineId,
        note: 'Warrant at a cuckooed flat',
        // Entered as London local time, sent with its offset: the same instant to the minute.
        occurredAt: minuteOf(when),
      },
    });
    const b = await waitFor(
      () => board(op.id),
      (x) => x.eventsApplied >= 1,
      { timeoutMs: 20_000, what: 'the arrest on the board' },
    );
    expect(b.forces[MERSEYSIDE]).toMatchObject({ arrests: 3, arrestsUnder18: 1, charged: 2 });
    expect(b.regions[REGION]).toMatchObject({ arrests: 3 });
  });

  it('shows a client-side error beside its field and sends nothing', async () => {
    const op = await createActiveWeek('Browser client error week');
    await signIn();
    await chooseWeek(op.id);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await page.getByLabel('People arrested').fill('1');
    await page.getByLabel('Of whom under 18').fill('2');
    const under18 = page.getByLabel('Of whom under 18');
    const error = page.locator('#f-under18-error');
    expect(await text(error)).toBe('Error: Cannot be more than the number arrested');
    expect(await under18.getAttribute('aria-invalid')).not.toBeNull();
    expect(await describedBy(under18)).toContain('f-under18-error');
    expect(await error.getAttribute('aria-live')).toBe('polite');

    await page.getByRole('button', { name: 'Submit report' }).click();
    const summary = page.locator('#form-summary');
    await summary.waitFor();
    expect(await text(summary)).toContain('Cannot be more than the number arrested');
    expect(await text(summary)).toContain('Enter the date and time it happened');
    await screenshot(page, '04-client-field-errors');
    expect(posts).toEqual([]);
  });

  it('shows the server’s field error beside the field when only the server can tell', async () => {
    // Honest case the page cannot catch: the reporter's computer clock runs a day fast. The page
    // checks "not in the future" against the browser's clock, so a time 23 hours ahead of the
    // real one passes; the server, whose clock is the authority, refuses it by field name.
    const op = await createActiveWeek('Browser server error week');
    const browserNow = Date.now() + 86_400_000;
    await page.clock.setFixedTime(new Date(browserNow));
    await signIn();
    await chooseWeek(op.id);
    await page.getByLabel('People arrested').fill('1');
    await page.getByLabel('When it happened').fill(londonInput(browserNow - 3_600_000));
    expect(await text(page.locator('#f-occurredAt-error'))).toBe('');
    await page.getByRole('button', { name: 'Submit report' }).click();

    const error = page.locator('#f-occurredAt-error', { hasText: 'must not be in the future' });
    await error.waitFor();
    expect(await page.getByLabel('When it happened').getAttribute('aria-invalid')).not.toBeNull();
    const summary = page.locator('#form-summary');
    expect(await text(summary)).toMatch(/Invalid fields: occurredAt/);
    await screenshot(page, '05-server-field-error');
    expect((await board(op.id)).eventsApplied).toBe(0);
  });

  it('uploads a CSV return and lists each rejected row by row and line number', async () => {
    const op = await createActiveWeek('Browser CSV week');
    await signIn();
    await chooseWeek(op.id);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('intensify-return-template.csv');
    const template = readFileSync(await download.path(), 'utf8');
    // The template names exactly the columns the server accepts.
    expect(template.endsWith('\r\n')).toBe(true);
    expect(template.trim().split(',').sort()).toEqual([...CSV_COLUMNS].sort());

    const at = new Date(Date.now() - 7_200_000).toISOString();
    // Row 3's note spans two lines of the file, so row 4 starts on line 6, not line 5.
    const csv = [
      'idempotencyKey,type,force,occurredAt,count,under18,children,note',
      `${randomUUID()},arrest,${MERSEYSIDE},${at},2,,,`,
      `${randomUUID()},arrest,${MERSEYSIDE},${at},1,2,,`,
      `${randomUUID()},safeguarding,${GREATER_MANCHESTER},${at},,,4,"two children,\nat one address"`,
      `${randomUUID()},arrest,${MERSEYSIDE},last night,1,,,`,
    ].join('\n');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'return.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    const totals = page.locator('#csv-result', { hasText: 'Imported' });
    await totals.waitFor();
    expect(await text(totals)).toBe(
      'Imported: 2 accepted, 0 already received (not counted again), 2 rows rejected.',
    );
    const rejected = await page
      .locator('#csv-rejected-rows tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent)),
      );
    expect(rejected).toEqual([
      ['2', '3', 'under18'],
      ['4', '6', 'occurredAt'],
    ]);
    await screenshot(page, '06-csv-result');

    const b = await waitFor(
      () => board(op.id),
      (x) => x.eventsApplied >= 2,
      { timeoutMs: 20_000, what: 'the imported rows on the board' },
    );
    expect(b.forces[MERSEYSIDE].arrests).toBe(2);
    expect(b.forces[GREATER_MANCHESTER].safeguardedChildren).toBe(4);

    await page.getByLabel('CSV file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `idempotencyKey,type,force,occurredAt,colour\nk1,arrest,${MERSEYSIDE},${at},red\n`,
      ),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    const summary = page.locator('#csv-problem');
    await summary.waitFor();
    expect(await text(summary)).toContain('colour: is not a known column');
  });

  it('corrects an outcome and shows version 2 in its history; the board counts only v2', async () => {
    const op = await createActiveWeek('Browser correction week');
    const first = await report(
      op.id,
      {
        type: 'arrest',
        force: MERSEYSIDE,
        occurredAt: new Date(Date.now() - 5_400_000).toISOString(),
        count: 2,
      },
      { token: await regionalToken() },
    );
    expect(first.status).toBe(202);
    await signIn();
    await chooseWeek(op.id);
    await row('2 arrested')
      .getByRole('button', { name: /^Correct arrest/ })
      .click();
    expect(await page.getByLabel('People arrested').inputValue()).toBe('2');
    expect(await text(page.locator('#correcting-text'))).toMatch(/now version 1/);
    await page.getByLabel('People arrested').fill('5');
    await page.getByLabel('Of whom charged').fill('4');
    await page.getByRole('button', { name: 'Submit correction' }).click();
    await page.locator('#form-result', { hasText: 'is now version 2' }).waitFor();

    const corrected = row('5 arrested, 0 under 18, 4 charged');
    await corrected.waitFor();
    await corrected.getByText('Version history (2)').click();
    const versions = await corrected.locator('.history li').allTextContents();
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatch(/^Version 1, .* by regional-nw-browser \(regional\): 2 arrested/);
    expect(versions[1]).toMatch(/^Version 2, .* by regional-nw-browser \(regional\): 5 arrested/);
    await screenshot(page, '07-corrected-history');

    const b = await waitFor(
      () => board(op.id),
      (x) => x.forces[MERSEYSIDE].arrests === 5,
      { timeoutMs: 20_000, what: 'the correction on the board' },
    );
    expect(b.forces[MERSEYSIDE]).toMatchObject({ arrests: 5, charged: 4 });
  });

  it('retracts an outcome with a reason and the board drops it', async () => {
    const op = await createActiveWeek('Browser retraction week');
    const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
    const token = await regionalToken();
    await report(
      op.id,
      { type: 'safeguarding', force: MERSEYSIDE, occurredAt, children: 3 },
      { token },
    );
    await waitFor(
      () => board(op.id),
      (x) => x.forces[MERSEYSIDE].safeguardedChildren === 3,
      { timeoutMs: 20_000, what: 'the safeguarding outcome on the board' },
    );
    await signIn();
    await chooseWeek(op.id);
    await row('3 children')
      .getByRole('button', { name: /^Retract safeguarding/ })
      .click();
    await page.getByLabel('Reason').fill('Duplicate of the force return');
    await page.locator('#retract-dialog').getByRole('button', { name: 'Retract' }).click();
    await page.locator('#submissions-status', { hasText: 'Outcome retracted' }).waitFor();
    expect(await text(row('3 children').locator('.badge'))).toBe('Retracted');
    await waitFor(
      () => board(op.id),
      (x) => x.forces[MERSEYSIDE].safeguardedChildren === 0,
      { timeoutMs: 20_000, what: 'the retraction on the board' },
    );
  });

  it('shows a closed week as closed, with its forms turned off', async () => {
    const op = await createActiveWeek('Browser closed week');
    const closed = await api('POST', `/api/v1/operations/${op.id}/close`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(closed.status).toBe(200);
    await signIn();
    await chooseWeek(op.id);
    expect(await text(page.locator(`#week option[value="${op.id}"]`))).toMatch(/closed$/);
    expect(await text(page.locator('#week-state'))).toMatch(/closed and its figures are final/);
    expect(await page.getByRole('button', { name: 'Submit report' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('People arrested').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Upload' }).isDisabled()).toBe(true);
    await screenshot(page, '08-closed-week');
  });

  it('says clearly when the week was closed while the form was open', async () => {
    const op = await createActiveWeek('Browser closing week');
    await signIn();
    await chooseWeek(op.id);
    const closed = await api('POST', `/api/v1/operations/${op.id}/close`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(closed.status).toBe(200);
    await page.getByLabel('People arrested').fill('1');
    await page.getByLabel('When it happened').fill(londonInput(Date.now() - 3_600_000));
    await page.getByRole('button', { name: 'Submit report' }).click();
    const summary = page.locator('#form-summary', { hasText: 'This week is closed' });
    await summary.waitFor();
  });

  it('resends with the same Idempotency-Key after a lost answer, and counts the report once', async () => {
    const op = await createActiveWeek('Browser retry week');
    await signIn();
    await chooseWeek(op.id);
    // The first POST reaches the server and is stored, but its answer never reaches the browser.
    const keys: string[] = [];
    await page.route('**/outcomes', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByLabel('People arrested').fill('4');
    await page.getByLabel('When it happened').fill(londonInput(Date.now() - 3_600_000));
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.locator('#form-summary', { hasText: 'Submitting again is safe' }).waitFor();
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.locator('#form-result', { hasText: 'Report accepted' }).waitFor();

    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const listed = await api('GET', `/api/v1/operations/${op.id}/outcomes?force=${MERSEYSIDE}`, {
      token: await regionalToken(),
    });
    expect(listed.body.items).toHaveLength(1);
    const b = await waitFor(
      () => board(op.id),
      (x) => x.eventsApplied >= 1,
      { timeoutMs: 20_000, what: 'the retried report on the board' },
    );
    expect(b.forces[MERSEYSIDE].arrests).toBe(4);
  });

  it('can be filled and submitted with the keyboard only, with a visible focus', async () => {
    const op = await createActiveWeek('Browser keyboard week');
    await signIn();
    await chooseWeek(op.id);
    await page.locator('#force').focus();

    // From the force picker, Tab reaches the type choice; arrow keys move between types.
    await tabTo('type-arrest');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel('Safeguarding', { exact: true }).isChecked()).toBe(true);
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe(
      'solid',
    );
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('f-children');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    await tabTo('f-occurredAt');
    const when = Date.now() - 2 * 3_600_000;
    await typeDateTime(londonInput(when));
    await tabTo('submit-outcome');
    await screenshot(page, '09-keyboard-focus');
    await page.keyboard.press('Enter');

    await page.locator('#form-result', { hasText: 'Report accepted' }).waitFor();
    await row('2 children, 1 adult').waitFor();
    const b = await waitFor(
      () => board(op.id),
      (x) => x.eventsApplied >= 1,
      { timeoutMs: 20_000, what: 'the keyboard report on the board' },
    );
    expect(b.forces[MERSEYSIDE]).toMatchObject({ safeguardedChildren: 2, safeguardedAdults: 1 });
  });

  async function focusedId(): Promise<string> {
    return page.evaluate<string>(
      `(el => el.type === 'radio' ? el.name + '-' + el.value : el.id)(document.activeElement)`,
    );
  }

  async function tabTo(id: string, most = 30): Promise<void> {
    for (let i = 0; i < most && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe(id);
  }

  /**
   * Types a date and time into the focused `datetime-local` box, key by key. Chromium lays its
   * parts out by its own UI locale: on this Debian build month/day/year then hour:minute AM/PM.
   * Two-digit parts move on by themselves; the year needs an arrow key.
   */
  async function typeDateTime(value: string): Promise<void> {
    const [date, time] = value.split('T');
    const [year, month, day] = date.split('-');
    const [hour, minute] = time.split(':').map(Number);
    await page.keyboard.type(month);
    await page.keyboard.type(day);
    await page.keyboard.type(year);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(String(hour % 12 || 12).padStart(2, '0'));
    await page.keyboard.type(String(minute).padStart(2, '0'));
    await page.keyboard.type(hour < 12 ? 'A' : 'P');
    expect(await page.getByLabel('When it happened').inputValue()).toBe(value);
  }
});
