import { randomInt, randomUUID } from 'node:crypto';
import { Browser, Locator, Page } from 'playwright-core';
import { accessibilityFailures } from '../support/accessibility';
import { api, tokenFor, Who } from '../support/api';
import { BrowserSession, launchBrowser, newSession, screenshot } from '../support/browser';
import { runEnv } from '../support/run-env';
import { createActiveWeek, MET } from '../support/scenario';

const LEICESTERSHIRE = 'E23000021';
const LIVE_MS = 5_000;
const PURPOSE = 'Safeguarding follow-up';

const leicestershire: Who = { role: 'force', force: LEICESTERSHIRE, sub: 'leics-safeguarding' };
const metLead: Who = { role: 'force', force: MET, sub: 'met-safeguarding-lead' };

/** A subject reference of this run: letters around a digit, so it never reads as a date. */
function freshRef(): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26)));
  return `LEI-SG-${letters.join('')}-7`;
}

/** Raises a hand-off through the API as the finding force, `foundAgoMs` ago. */
async function raise(over: Record<string, unknown> = {}, foundAgoMs = 1_000) {
  const res = await api('POST', '/api/v1/handoffs', {
    token: await tokenFor(leicestershire),
    headers: { 'idempotency-key': randomUUID() },
    body: {
      foundForce: LEICESTERSHIRE,
      homeForce: MET,
      subjectRef: freshRef(),
      ageGroup: 'child',
      concerns: ['criminal-exploitation', 'missing'],
      foundAt: new Date(Date.now() - foundAgoMs).toISOString(),
      ...over,
    },
  });
  if (res.status !== 201) throw new Error(`raise: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Presses Tab until `target` has focus: it is reachable by keyboard, in the page's order. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el: any) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached by Tab within ${max} presses: ${target}`);
}

/**
 * The safeguarding page at /safeguarding in real headless Chromium against the running
 * platform: a Leicestershire safeguarding lead raises, the Met's lead sees it arrive live and
 * acknowledges, by keyboard; the purpose is asked once and logged with every read.
 */
describe('safeguarding page', () => {
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

  async function open(path = '/safeguarding', answerPurpose = true): Promise<Page> {
    const session = await newSession(browser, { answerPurpose });
    sessions.push(session);
    session.page.setDefaultTimeout(10_000);
    await session.page.goto(path);
    return session.page;
  }

  async function signIn(page: Page, who: Who): Promise<void> {
    await page.locator('#sign-in-force option').first().waitFor({ state: 'attached' });
    await page.getByLabel('Force user').check();
    await page.locator('#sign-in-force').selectOption(who.force!);
    await page.getByLabel('User id', { exact: true }).fill(who.sub!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#who-name', { hasText: who.sub! }).waitFor();
  }

  /** Signed in, purpose given (by the session's handler), the stream live. */
  async function openLive(who: Who): Promise<Page> {
    const page = await open();
    await signIn(page, who);
    await page.locator('#live-state[data-state="live"]').waitFor();
    await page.evaluate('window.__sameDocument = true');
    return page;
  }

  const row = (page: Page, list: 'inbox' | 'sent', id: string) =>
    page.locator(`#${list}-rows tr[data-id="${id}"]`);
  const notReloaded = async (page: Page) =>
    expect(await page.evaluate('window.__sameDocument')).toBe(true);

  it('serves the page and its assets under the pages’ content security policy', async () => {
    const html = await fetch(`${runEnv().gatewayUrl}/safeguarding`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    const js = await fetch(`${runEnv().gatewayUrl}/safeguarding/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${runEnv().gatewayUrl}/safeguarding/assets/missing.js`)).status).toBe(404);
  });

  it('updates the inbox live, overdue first, and keeps the sent list apart', async () => {
    const met = await openLive(metLead);
    const leics = await openLive(leicestershire);
    // Found long enough ago that its deadline has passed: it goes overdue at once.
    const late = await raise({}, 30_000);
    const adult = await raise({ ageGroup: 'adult', concerns: ['cuckooing'] });
    await row(met, 'inbox', adult.id).waitFor({ timeout: LIVE_MS });
    await row(met, 'inbox', late.id).locator('.badge', { hasText: 'Overdue' }).waitFor({
      timeout: LIVE_MS,
    });
    const order = (await met
      .locator('#inbox-rows tr')
      .evaluateAll((rows: any[]) => rows.map((r) => r.dataset.id))) as string[];
    expect(order.indexOf(late.id)).toBeLessThan(order.indexOf(adult.id));
    expect(await row(met, 'inbox', late.id).getAttribute('class')).toContain('is-overdue');
    expect(await row(met, 'sent', late.id).count()).toBe(0);
    // The finder sees them in its sent list, not its inbox.
    await row(leics, 'sent', adult.id).waitFor({ timeout: LIVE_MS });
    expect(await row(leics, 'inbox', adult.id).count()).toBe(0);
    await screenshot(met, 'safeguarding-01-inbox-live');
    await notReloaded(met);
    await notReloaded(leics);
  });

  it('raises and acknowledges with the keyboard only', async () => {
    const met = await openLive(metLead);
    const leics = await openLive(leicestershire);
    const ref = freshRef();

    await tabTo(leics, leics.locator('#raise-homeForce'));
    await leics.keyboard.type('Metropolitan');
    expect(await leics.locator('#raise-homeForce').inputValue()).toBe(MET);
    await leics.keyboard.press('Tab');
    await leics.keyboard.type(ref);
    await tabTo(leics, leics.locator('#raise-ageGroup-child'));
    await leics.keyboard.press('Space');
    await tabTo(leics, leics.locator('#raise-concerns-criminal-exploitation'));
    await leics.keyboard.press('Space');
    await leics.keyboard.press('Tab');
    await leics.keyboard.press('Tab');
    await leics.keyboard.press('Space');
    expect(await leics.locator('#raise-concerns-missing').isChecked()).toBe(true);
    await tabTo(leics, leics.locator('#raise-note'));
    await leics.keyboard.type('Found at the railway station with a deal phone');
    await tabTo(leics, leics.locator('#raise-submit'));
    await leics.keyboard.press('Enter');
    await leics
      .locator('#raise-result', { hasText: 'Hand-off raised to Metropolitan Police Service' })
      .waitFor();

    const inbox = met.locator('#inbox-rows tr', { hasText: ref });
    await inbox.waitFor({ timeout: LIVE_MS });
    const id = (await inbox.getAttribute('data-id'))!;
    await tabTo(met, inbox.getByRole('button', { name: new RegExp(ref) }));
    await met.keyboard.press('Enter');
    await met.locator('#detail-heading', { hasText: ref }).waitFor();
    expect(await met.evaluate('document.activeElement.id')).toBe('detail-heading');
    expect(await text(met.locator('#detail-history'))).toContain(
      'Raised to Metropolitan Police Service',
    );
    await met.keyboard.press('Tab');
    expect(await met.evaluate('document.activeElement.id')).toBe('ack-owner');
    await met.keyboard.type('MET-DS-0042');
    await met.keyboard.press('Enter');
    await met.locator('#action-result', { hasText: 'Acknowledged: owner MET-DS-0042' }).waitFor();
    await row(leics, 'sent', id).locator('.badge', { hasText: 'Acknowledged' }).waitFor({
      timeout: LIVE_MS,
    });
    const read = await api('GET', `/api/v1/handoffs/${id}`, { token: await tokenFor(metLead) });
    expect(read.body).toMatchObject({ status: 'acknowledged', owner: 'MET-DS-0042' });
    // A slow run may pass the child's scaled 24 hours first: the hand-off is overdue meanwhile.
    const actions = read.body.history.map((e: { action: string }) => e.action);
    expect([actions[0], actions.at(-1)]).toEqual(['raise', 'acknowledge']);
    expect(read.body.overdue).toBe(false);
    await screenshot(met, 'safeguarding-02-acknowledged');
  });

  it('shows the server’s field errors beside the fields, and redirects and closes', async () => {
    const met = await openLive(metLead);
    await met.getByLabel('Home force', { exact: true }).selectOption(LEICESTERSHIRE);
    await met.getByLabel('Subject reference').fill(freshRef());
    await met.getByLabel('Child (under 18)').check();
    await met.getByLabel('Missing from home').check();
    await met.locator('#raise-note').fill('Call her mother on 07700 900123');
    await met.getByRole('button', { name: 'Raise hand-off' }).click();
    await met.locator('#raise-note-error', { hasText: 'phone number' }).waitFor();
    await met
      .locator('#raise-summary')
      .getByRole('link', { name: /phone number/ })
      .waitFor();

    const handoff = await raise();
    await met
      .locator('#inbox-rows')
      .getByRole('button', { name: new RegExp(handoff.subjectRef) })
      .click();
    await met.locator('#detail-heading', { hasText: handoff.subjectRef }).waitFor();
    await met.getByLabel('New home force').selectOption('E23000014');
    await met.getByLabel('Reason').fill('The family moved to Birmingham last month');
    await met.getByRole('button', { name: 'Redirect', exact: true }).click();
    await met.locator('#action-result', { hasText: 'Redirected to West Midlands' }).waitFor();
    // No longer the Met's: it leaves the inbox on the next push, and offers no actions.
    await row(met, 'inbox', handoff.id).waitFor({ state: 'detached', timeout: LIVE_MS });
    expect(await met.locator('#detail-actions').isHidden()).toBe(true);
    expect(await text(met.locator('#detail-history'))).toContain(
      'Redirected from Metropolitan Police Service to West Midlands',
    );

    const wm = await openLive({ role: 'force', force: 'E23000014', sub: 'wm-safeguarding-lead' });
    await wm
      .locator('#inbox-rows')
      .getByRole('button', { name: new RegExp(handoff.subjectRef) })
      .click();
    await wm.getByLabel('Owner reference').fill('WMP-DS-0007');
    await wm.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await wm.getByLabel('Outcome').selectOption('referred-to-local-authority');
    await wm.getByRole('button', { name: 'Close hand-off' }).click();
    await wm.locator('#action-result', { hasText: 'Closed.' }).waitFor();
    await row(wm, 'inbox', handoff.id).locator('.badge', { hasText: 'Closed' }).waitFor();
    expect(await text(wm.locator('#detail-history'))).toContain(
      'Closed: Referred to the local authority',
    );
    await screenshot(wm, 'safeguarding-03-closed');
  });

  it('shows the subject’s earlier hand-offs', async () => {
    const first = await raise();
    const second = await raise({ subjectRef: first.subjectRef });
    expect(second.previousHandoffs).toEqual([first.id]);
    const met = await openLive(metLead);
    await row(met, 'inbox', second.id).getByRole('button').click();
    const earlier = met.locator('#detail-previous li');
    await earlier.getByRole('button', { name: /^Found .* in Leicestershire$/ }).click();
    await met.locator('#detail-facts', { hasText: first.id }).waitFor();
  });

  it('asks the purpose once a session, and the access log holds it with every read', async () => {
    const handoff = await raise();
    const sub = `purpose-${randomUUID().slice(0, 8)}`;
    const page = await open('/safeguarding', false);
    let asked = 0;
    await page.exposeFunction('purposeAsked', () => asked++);
    await page.addInitScript(`new MutationObserver((changes) => {
      for (const c of changes)
        for (const n of c.addedNodes) if (n.id === 'purpose-dialog') window.purposeAsked();
    }).observe(document, { childList: true, subtree: true });`);
    await page.reload();
    await signIn(page, { ...metLead, sub });
    const dialog = page.getByRole('dialog', { name: 'Why are you looking?' });
    await dialog.waitFor();
    expect(await page.locator('#inbox-rows tr').count()).toBe(0);
    await dialog.getByLabel(PURPOSE, { exact: true }).check();
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await row(page, 'inbox', handoff.id).getByRole('button').click();
    await page.locator('#detail-heading', { hasText: handoff.subjectRef }).waitFor();
    // The same session after a reload: not asked again, and the lists come at once.
    await page.reload();
    await page.locator('#live-state[data-state="live"]').waitFor();
    await row(page, 'inbox', handoff.id).waitFor();
    expect(asked).toBe(1);

    const log = await api('GET', `/api/v1/access-log?sub=${sub}`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    const reads = log.body.items.filter((e: any) => e.what.route.includes('/handoffs'));
    const routes = new Set(reads.map((e: any) => e.what.route));
    expect(routes).toEqual(new Set(['GET /api/v1/handoffs/:id', 'GET /api/v1/handoffs/stream']));
    for (const e of reads) expect(e.purpose).toBe(PURPOSE);
    const one = reads.find((e: any) => e.what.route === 'GET /api/v1/handoffs/:id');
    expect(one.what.subjectRefs).toContain(handoff.subjectRef);
  });

  it('reads nothing until a purpose is given, and says how to give one', async () => {
    const page = await open('/safeguarding', false);
    await signIn(page, metLead);
    const dialog = page.getByRole('dialog', { name: 'Why are you looking?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#purpose-needed').waitFor();
    expect(await page.locator('#live-state').getAttribute('data-state')).toBe('waiting');
    expect(await page.locator('#inbox-rows tr').count()).toBe(0);
    await page.getByRole('button', { name: 'Say why you are looking' }).click();
    await dialog.getByLabel(PURPOSE, { exact: true }).check();
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#live-state[data-state="live"]').waitFor();
    expect(await page.locator('#purpose-needed').isHidden()).toBe(true);
  });

  it('is offered, pre-filled, after a safeguarding result on the reporting page', async () => {
    const week = await createActiveWeek('Safeguarding offer week');
    const page = await open('/report');
    await signIn(page, leicestershire);
    await page.locator('#week').selectOption(week.id);
    await page.getByLabel('Safeguarding', { exact: true }).check();
    await page.getByLabel('Children safeguarded').fill('1');
    // An hour ago as the page's Europe/London clock shows it (Swedish dates are ISO-like).
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/London',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(Date.now() - 3_600_000));
    await page.getByLabel('When it happened').fill(local.replace(' ', 'T'));
    await page.getByRole('button', { name: 'Submit report' }).click();
    const accepted = await page
      .locator('#form-result', { hasText: 'Report accepted' })
      .textContent();
    const outcomeId = /Reference: ([0-9a-f-]{36})/.exec(accepted ?? '')![1];
    await page
      .getByRole('link', { name: 'Raise a hand-off for someone from another force' })
      .click();

    await page.locator('#raise-heading').waitFor();
    await page.waitForFunction("document.activeElement?.id === 'raise-heading'");
    expect(await page.locator('#raise-operationId').inputValue()).toBe(week.id);
    expect(await page.locator('#raise-foundForce').inputValue()).toBe(LEICESTERSHIRE);
    expect(await page.locator('#raise-ageGroup-child').isChecked()).toBe(true);
    expect(await page.locator('#raise-safeguardingOutcomeId').inputValue()).toBe(outcomeId);
    const ref = freshRef();
    await page.getByLabel('Home force', { exact: true }).selectOption(MET);
    await page.getByLabel('Subject reference').fill(ref);
    await page.getByLabel('Criminal exploitation').check();
    await page.getByRole('button', { name: 'Raise hand-off' }).click();
    await page.locator('#raise-result', { hasText: 'Hand-off raised' }).waitFor();
    const sent = page.locator('#sent-rows tr', { hasText: ref });
    await sent.waitFor({ timeout: LIVE_MS });
    const read = await api('GET', `/api/v1/handoffs/${await sent.getAttribute('data-id')}`, {
      token: await tokenFor(leicestershire),
    });
    expect(read.body).toMatchObject({
      operationId: week.id,
      safeguardingOutcomeId: outcomeId,
      ageGroup: 'child',
    });
  });

  it('has no accessibility violations, with lists, a hand-off and form errors shown', async () => {
    const handoff = await raise();
    const met = await openLive(metLead);
    await row(met, 'inbox', handoff.id).getByRole('button').click();
    await met.locator('#detail-heading', { hasText: handoff.subjectRef }).waitFor();
    await met.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await met.locator('#ack-owner-error', { hasText: 'owner reference' }).waitFor();
    await met.getByRole('button', { name: 'Raise hand-off' }).click();
    await met.locator('#raise-summary').waitFor();
    expect(await accessibilityFailures(met)).toEqual([]);
    await screenshot(met, 'safeguarding-04-errors');
  });
});
