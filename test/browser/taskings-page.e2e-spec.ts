import { Browser, Locator, Page } from 'playwright-core';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor } from '../support/api';
import { BrowserSession, launchBrowser, newSession, screenshot } from '../support/browser';
import { callInternal, credentialFor } from '../support/internal-call';
import { freshBrand, registerLine } from '../support/intelligence';
import { runEnv } from '../support/run-env';
import { platformHealthy, startService, stopService } from '../support/service-restarts';
import { GREATER_MANCHESTER, hoursAgo, MERSEYSIDE, MET, report } from '../support/scenario';
import { focusWeek as focusWeekOf, inSeconds, issue, taskingBody } from '../support/taskings';

const LIVE_MS = 5_000;
const NORTH_WEST = 'north-west';

/** A week running now whose focus is two North West forces and the Met. */
const focusWeek = (name: string) => focusWeekOf(name, [MERSEYSIDE, GREATER_MANCHESTER, MET]);

const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * The taskings page at /taskings in real headless Chromium against the running platform: an
 * NCLCC coordinator and regional coordinators in separate browser contexts, each change made
 * in one page (or by a deadline) appearing in the other without a reload.
 */
describe('taskings page', () => {
  let browser: Browser;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const s of sessions.splice(0)) {
      await s.context.close();
      expect(s.pageErrors).toEqual([]);
    }
  });

  /** Signs in, picks the week and waits for the live stream; marks the window to prove no reload. */
  async function openAs(
    who: { role: 'nclcc' } | { role: 'regional'; region: string },
    operationId: string,
  ): Promise<Page> {
    const session = await newSession(browser);
    sessions.push(session);
    const page = session.page;
    page.setDefaultTimeout(10_000);
    await page.goto('/taskings');
    await page.locator('#sign-in-region option').first().waitFor({ state: 'attached' });
    if (who.role === 'regional') {
      await page.getByLabel('Regional coordinator').check();
      await page.locator('#sign-in-region').selectOption(who.region);
    }
    await page.getByLabel('User id', { exact: true }).fill(`${who.role}-browser`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#who-name', { hasText: `${who.role}-browser` }).waitFor();
    await page.getByLabel('Week', { exact: true }).selectOption(operationId);
    await page.locator('#live-state[data-state="live"]').waitFor();
    await page.evaluate('window.__sameDocument = true');
    return page;
  }

  const row = (page: Page, forceName: string) =>
    page.locator('#taskings-rows tr', { has: page.locator('th', { hasText: forceName }) });
  const rowById = (page: Page, id: string) => page.locator(`#taskings-rows tr[data-id="${id}"]`);
  const liveStatus = (page: Page, id: string, status: string) =>
    page.locator(`#taskings-rows tr[data-id="${id}"][data-status="${status}"]`).waitFor({
      timeout: LIVE_MS,
    });
  const notReloaded = async (page: Page) =>
    expect(await page.evaluate('window.__sameDocument')).toBe(true);

  it('serves the page and its assets', async () => {
    const html = await fetch(`${runEnv().gatewayUrl}/taskings`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const js = await fetch(`${runEnv().gatewayUrl}/taskings/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${runEnv().gatewayUrl}/taskings/assets/missing.js`)).status).toBe(404);
  });

  it('tasks every focus force in one action and shows each response live', async () => {
    const op = await focusWeek('Browser tasking week');
    const nclcc = await openAs({ role: 'nclcc' }, op.id);
    await nclcc.getByLabel('Action').fill('Close the county line and safeguard runners');
    await nclcc.getByLabel('Priority').selectOption('P2');
    await nclcc.getByLabel('Acknowledge within (minutes)').fill('600');
    await nclcc.getByRole('button', { name: 'Task all 3 focus forces' }).click();
    await nclcc.locator('#issue-result', { hasText: 'Issued 3 taskings' }).waitFor();
    for (const force of ['Merseyside', 'Greater Manchester', 'Metropolitan Police'])
      await row(nclcc, force).locator('td.status', { hasText: 'Issued' }).waitFor();
    const listed = await api('GET', `/api/v1/taskings?operationId=${op.id}`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(listed.body.items).toHaveLength(3);
    const idOf = (force: string) => listed.body.items.find((t: any) => t.force === force).id;
    await screenshot(nclcc, 'taskings-01-nclcc-bulk-issued');

    const regional = await openAs({ role: 'regional', region: NORTH_WEST }, op.id);
    await rowById(regional, idOf(MERSEYSIDE)).waitFor();
    await rowById(regional, idOf(GREATER_MANCHESTER)).waitFor();
    // The Met is in London: a North West coordinator never sees its tasking.
    expect(await regional.locator('#taskings-rows tr').count()).toBe(2);
    expect(await rowById(regional, idOf(MET)).count()).toBe(0);
    // A region may task its own forces only: the form offers them and its focus forces alone.
    expect(await regional.locator('#issue').isVisible()).toBe(true);
    const offered = await regional
      .locator('#issue-force option')
      .evaluateAll((os) => os.map((o) => o.textContent));
    expect(offered.sort()).toEqual(
      [
        'Cheshire',
        'Cumbria',
        'Greater Manchester',
        'Lancashire',
        'Merseyside',
        'North Wales',
      ].sort(),
    );
    await regional.getByRole('button', { name: 'Task all 2 focus forces' }).waitFor();

    const merseyside = idOf(MERSEYSIDE);
    const outcome = await report(
      op.id,
      { type: 'arrest', force: MERSEYSIDE, occurredAt: hoursAgo(1), count: 2 },
      { token: await tokenFor({ role: 'regional', region: NORTH_WEST }) },
    );
    expect(outcome.status).toBe(202);

    // By keyboard: real buttons, named with the force they act on.
    await rowById(regional, merseyside)
      .getByRole('button', { name: 'Acknowledge tasking for Merseyside' })
      .focus();
    // Each lag: from the regional coordinator's key press or click to the NCLCC's page showing it.
    const lags: Record<string, number> = {};
    const shown = async (id: string, status: string, act: () => Promise<void>) => {
      const started = Date.now();
      await act();
      await liveStatus(nclcc, id, status);
      lags[status] = Date.now() - started;
    };
    await shown(merseyside, 'acknowledged', () => regional.keyboard.press('Enter'));
    await shown(merseyside, 'in-progress', () =>
      rowById(regional, merseyside)
        .getByRole('button', { name: /^Start/ })
        .click(),
    );
    await rowById(regional, merseyside)
      .getByRole('button', { name: /^Complete/ })
      .click();
    const dialog = regional.locator('#decide-dialog');
    await dialog.getByRole('checkbox', { name: new RegExp(outcome.body.id) }).check();
    await screenshot(regional, 'taskings-02-regional-complete-dialog');
    await shown(merseyside, 'completed', () =>
      dialog.getByRole('button', { name: 'Complete' }).click(),
    );
    expect(await text(rowById(nclcc, merseyside).locator('td.outcomes'))).toBe(outcome.body.id);

    const manchester = idOf(GREATER_MANCHESTER);
    await rowById(regional, manchester)
      .getByRole('button', { name: /^Decline/ })
      .click();
    await dialog.getByRole('button', { name: 'Decline' }).click();
    expect(await text(dialog.locator('#decide-reason-error'))).toBe(
      'Error: Enter why the force declines this tasking',
    );
    await dialog.getByLabel('Reason').fill('All officers committed to a firearms incident');
    await shown(manchester, 'declined', () =>
      dialog.getByRole('button', { name: 'Decline' }).click(),
    );
    expect(await text(rowById(nclcc, manchester).locator('td.status'))).toContain(
      'Reason: All officers committed to a firearms incident',
    );
    expect(await text(nclcc.locator('#list-summary'))).toBe('3 taskings: 1 open, 0 overdue.');
    await screenshot(nclcc, 'taskings-03-nclcc-live-responses');
    await screenshot(regional, 'taskings-04-regional-after-responses');
    await notReloaded(nclcc);
    await notReloaded(regional);
    console.log(JSON.stringify({ taskingPageLagMs: lags }));
  });

  it('shows an overdue P1 and its escalation live, with nobody touching the page', async () => {
    const op = await focusWeek('Browser overdue week');
    const nclcc = await openAs({ role: 'nclcc' }, op.id);
    // The due time passes in two seconds; the acknowledgement window (one 200 ms minute) sooner.
    const issued = await issue(
      op.id,
      taskingBody(MERSEYSIDE, { priority: 'P1', dueAt: inSeconds(2), acknowledgeWithinMinutes: 1 }),
    );
    expect(issued.status).toBe(201);
    const status = rowById(nclcc, issued.body.id).locator('td.status');
    await status.locator('.badge', { hasText: 'Issued' }).waitFor({ timeout: LIVE_MS });
    await status.locator('.badge', { hasText: 'Overdue' }).waitFor({ timeout: 10_000 });
    await status.locator('.badge', { hasText: 'Escalated to NCLCC' }).waitFor({ timeout: LIVE_MS });
    expect(await rowById(nclcc, issued.body.id).getAttribute('class')).toContain('is-overdue');
    expect(await text(nclcc.locator('#list-summary'))).toBe('1 tasking: 1 open, 1 overdue.');
    await screenshot(nclcc, 'taskings-05-overdue-escalated');
    await notReloaded(nclcc);
  });

  it('shows the 409 when a tasking was cancelled under an open decline, and server field errors', async () => {
    const op = await focusWeek('Browser conflict week');
    const { id } = (await issue(op.id, taskingBody(MERSEYSIDE))).body;
    const nclcc = await openAs({ role: 'nclcc' }, op.id);
    const regional = await openAs({ role: 'regional', region: NORTH_WEST }, op.id);
    await rowById(regional, id)
      .getByRole('button', { name: /^Decline/ })
      .click();
    const dialog = regional.locator('#decide-dialog');
    await dialog.getByLabel('Reason').fill('No capacity this week');

    await rowById(nclcc, id)
      .getByRole('button', { name: /^Cancel/ })
      .click();
    const cancel = nclcc.locator('#decide-dialog');
    await cancel.getByLabel('Reason').fill('Line already closed by another force');
    await cancel.getByRole('button', { name: 'Cancel tasking' }).click();
    await liveStatus(regional, id, 'cancelled');

    await dialog.getByRole('button', { name: 'Decline' }).click();
    const conflict = dialog.locator('#decide-status-error');
    await conflict.locator('text=cannot decline').waitFor();
    expect(await text(conflict)).toBe(
      `Error: Tasking ${id} is cancelled; it cannot decline from there`,
    );
    await screenshot(regional, 'taskings-06-illegal-transition');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Decline is no longer offered, so focus returns to the tasking's row heading.
    // The dialog's close event moves focus after the click returns: wait for it, briefly.
    await regional.waitForFunction(
      "document.activeElement && document.activeElement.textContent === 'Merseyside'",
      undefined,
      { timeout: 2_000 },
    );

    // The line is picked by brand from the keyboard; a line the register does not know is
    // refused by the server, which names the field, shown beside it.
    await nclcc.getByLabel('Action').fill('Visit cuckooed address');
    await nclcc.locator('#issue-force').selectOption(GREATER_MANCHESTER);
    const brand = freshBrand('Tasked');
    const lineId = (await registerLine({ brand, exportingForce: GREATER_MANCHESTER, numbers: [] }))
      .id;
    await nclcc.getByLabel('Find a line by brand').fill(brand.slice(-8));
    await nclcc.getByLabel('Find a line by brand').press('Enter');
    await nclcc.locator('#issue-lineId option', { hasText: brand }).waitFor({ state: 'attached' });
    await nclcc.waitForFunction("document.activeElement?.id === 'issue-lineId'", undefined, {
      timeout: 2_000,
    });
    await nclcc.keyboard.press('ArrowDown');
    expect(await nclcc.locator('#issue-lineId').inputValue()).toBe(lineId);
    // A stale option naming a line that is not in the register: the server's answer.
    await nclcc.locator('#issue-lineId').evaluate((s: any) => {
      s.options[1].value = '00000000-0000-4000-8000-000000000000';
      s.value = s.options[1].value;
    });
    await nclcc.getByRole('button', { name: 'Issue tasking' }).click();
    const lineError = nclcc.locator('#issue-lineId-error');
    await lineError.locator('text=is not a register line you may read').waitFor();
    expect(
      await nclcc.getByLabel('Line', { exact: true }).getAttribute('aria-invalid'),
    ).not.toBeNull();
    await screenshot(nclcc, 'taskings-07-server-field-error');
    expect(await accessibilityFailures(nclcc)).toEqual([]);
    await nclcc.locator('#issue-lineId').evaluate((s: any, id: string) => {
      s.options[1].value = id;
      s.value = id;
    }, lineId);
    await nclcc.getByRole('button', { name: 'Issue tasking' }).click();
    await nclcc
      .locator('#issue-result', { hasText: 'Issued 1 tasking: Greater Manchester' })
      .waitFor();
    await row(regional, 'Greater Manchester').waitFor({ timeout: LIVE_MS });
    // The table names the line by brand and force, never by id.
    await regional
      .getByText(`${brand}, exporting from Greater Manchester`)
      .waitFor({ timeout: LIVE_MS });
    expect(await regional.locator('main').innerText()).not.toContain(lineId);
  });

  it('reassigns a tasking to another force with a new due time, seen live by both regions', async () => {
    const op = await focusWeek('Browser reassign week');
    const { id } = (await issue(op.id, taskingBody(MERSEYSIDE))).body;
    const nclcc = await openAs({ role: 'nclcc' }, op.id);
    const northWest = await openAs({ role: 'regional', region: NORTH_WEST }, op.id);
    const london = await openAs({ role: 'regional', region: 'london' }, op.id);
    await rowById(northWest, id).waitFor();
    expect(await rowById(london, id).count()).toBe(0);

    await rowById(nclcc, id)
      .getByRole('button', { name: /^Reassign/ })
      .click();
    const dialog = nclcc.locator('#decide-dialog');
    await dialog.getByLabel('Reassign to force').selectOption(MET);
    // Two days ahead at 09:30, in the page's own time zone (the session is in UK time).
    const due = new Date(Date.now() + 2 * 86_400_000);
    const local = `${due.toISOString().slice(0, 10)}T09:30`;
    await dialog.getByLabel('New due time').fill(local);
    await dialog.getByLabel('Reason').fill('The line now runs from London');
    await dialog.getByRole('button', { name: 'Reassign', exact: true }).click();

    // The tasking leaves the North West's page and arrives on London's, without reloads.
    await rowById(london, id).waitFor({ timeout: LIVE_MS });
    await rowById(northWest, id).waitFor({ state: 'detached', timeout: LIVE_MS });
    await row(nclcc, 'Metropolitan Police').waitFor({ timeout: LIVE_MS });
    const after = await api('GET', `/api/v1/taskings/${id}`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(after.body.force).toBe(MET);
    expect(after.body.status).toBe('issued');
    const expectedDue = await nclcc.evaluate(`new Date(${JSON.stringify(local)}).toISOString()`);
    expect(new Date(after.body.dueAt).toISOString()).toBe(expectedDue);
    for (const page of [nclcc, northWest, london]) await notReloaded(page);
    await screenshot(london, 'taskings-09-reassigned-to-london');
  });

  it('lets a regional coordinator task a force of its own region from the page', async () => {
    const op = await focusWeek('Browser regional issue week');
    const regional = await openAs({ role: 'regional', region: NORTH_WEST }, op.id);
    await regional.locator('#issue-force').selectOption({ label: 'Cheshire' });
    await regional.getByLabel('Action').fill('Visit the cuckooed address on the estate');
    await regional.locator('#issue-one').click();
    await regional.locator('#issue-result', { hasText: 'Issued 1 tasking: Cheshire' }).waitFor();
    await row(regional, 'Cheshire').locator('td.status', { hasText: 'Issued' }).waitFor();
    const listed = await api('GET', `/api/v1/taskings?operationId=${op.id}`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ force: 'E23000006', status: 'issued' });
    expect(listed.body.items[0].issuedBy).toMatchObject({ role: 'regional', region: NORTH_WEST });
  });

  it('keeps a regional page to its own region, and catches up after a gateway restart', async () => {
    const op = await focusWeek('Browser reconnect week');
    const london = await openAs({ role: 'regional', region: 'london' }, op.id);
    const northWest = await openAs({ role: 'regional', region: NORTH_WEST }, op.id);
    const met = (await issue(op.id, taskingBody(MET))).body.id;
    const mine = (await issue(op.id, taskingBody(GREATER_MANCHESTER))).body.id;
    await rowById(london, met).waitFor({ timeout: LIVE_MS });
    await rowById(northWest, mine).waitFor({ timeout: LIVE_MS });

    // The gateway stops while the page watches; the change made meanwhile reaches the tasking
    // service directly, so only the snapshot sent on reconnect can bring it to the page.
    await stopService('gateway', 'SIGTERM');
    await northWest.locator('#live-state[data-state="reconnecting"]').waitFor();
    await screenshot(northWest, 'taskings-08-reconnecting');
    const acknowledged = await callInternal(
      'tasking',
      'POST',
      `/internal/taskings/${mine}/acknowledge`,
      {
        credential: await credentialFor('tasking', {
          sub: 'nw-coordinator',
          role: 'regional',
          region: NORTH_WEST,
        }),
        body: {},
      },
    );
    expect(acknowledged.status).toBe(200);
    startService('gateway');
    await platformHealthy();
    await northWest.locator('#live-state[data-state="live"]').waitFor({ timeout: 30_000 });
    await liveStatus(northWest, mine, 'acknowledged');

    const shown = await northWest
      .locator('#taskings-rows tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shown).toEqual([mine]);
    await london.locator('#live-state[data-state="live"]').waitFor({ timeout: 30_000 });
    await rowById(london, met).waitFor();
    expect(await rowById(london, mine).count()).toBe(0);
    await notReloaded(northWest);
  });
});
