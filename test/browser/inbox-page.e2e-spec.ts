import { Page } from 'playwright-core';
import { accessibilityFailures } from '../support/accessibility';
import { tabTo, useBrowserSessions } from '../support/browser';
import { awaitNotification, freshUser, InboxItem } from '../support/inbox';
import { createActiveWeek } from '../support/scenario';
import { issue, taskingBody } from '../support/taskings';

/** Gloucestershire, in the south-west: a force no other suite tasks. */
const GLOUCESTERSHIRE = 'E23000037';

/** The badge's count as it reads: 0 when hidden. */
async function badgeCount(page: Page): Promise<number> {
  const badge = page.locator('#inbox-badge');
  if (await badge.isHidden()) return 0;
  const m = ((await badge.textContent()) ?? '').match(/^(\d+) unread$/);
  if (!m) throw new Error(`badge reads ${await badge.textContent()}`);
  return Number(m[1]);
}

async function countBecomes(page: Page, expected: (n: number) => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  let n = await badgeCount(page);
  while (!expected(n)) {
    if (Date.now() > deadline) throw new Error(`badge stayed at ${n}, waiting for ${what}`);
    await page.waitForTimeout(100);
    n = await badgeCount(page);
  }
  return n;
}

/**
 * The inbox page and the masthead's unread badge in headless Chromium, by keyboard alone: a
 * Gloucestershire force user signs in, sees the count, opens the inbox, marks one read and then
 * all, and the count falls live each time.
 */
describe('inbox page', () => {
  const browser = useBrowserSessions();
  const user = freshUser({ role: 'force', force: GLOUCESTERSHIRE });
  const notes: InboxItem[] = [];

  beforeAll(async () => {
    const { id: operationId } = await createActiveWeek('Inbox page week');
    for (const priority of ['P2', 'P3']) {
      const res = await issue(operationId, taskingBody(GLOUCESTERSHIRE, { priority }));
      expect(res.status).toBe(201);
      notes.push(
        await awaitNotification(
          user,
          (n) => n.taskingId === res.body.id,
          `the ${priority} tasking in the inbox`,
        ),
      );
    }
  });

  it('shows the count on every page, opens the inbox, and the count falls as things are read', async () => {
    const { page } = browser;
    await page.goto('/taskings');
    await page.locator('#sign-in-force option').first().waitFor({ state: 'attached' });
    // Sign in by keyboard: the role radios, the force list (type-ahead), the user id.
    await tabTo(page, 'input[name=role]:checked');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name=role]:checked').getAttribute('value')).toBe('force');
    await tabTo(page, '#sign-in-force');
    await page.keyboard.type('Gloucestershire');
    expect(await page.locator('#sign-in-force').inputValue()).toBe(GLOUCESTERSHIRE);
    await tabTo(page, '#sign-in-sub');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(user.sub!);
    await page.keyboard.press('Enter');
    await page.locator('#who-name', { hasText: user.sub! }).waitFor();

    const before = await countBecomes(page, (n) => n >= 2, 'the two taskings');
    expect(await page.locator('#inbox-badge').getAttribute('aria-live')).toBe('polite');
    expect(await accessibilityFailures(page)).toEqual([]);

    await tabTo(page, '#main-nav a[href="/inbox"]', 80);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/inbox');
    const item = (id: string) => page.locator(`#notifications a[data-open="${id}"]`);
    await item(notes[0].id).waitFor();
    await item(notes[1].id).waitFor();
    expect(await item(notes[0].id).getAttribute('href')).toBe(notes[0].href);
    expect(await page.locator('#page-title').textContent()).toBe('Inbox');
    expect(await badgeCount(page)).toBe(before);
    expect(await accessibilityFailures(page)).toEqual([]);

    // Mark one read: the button goes, focus stays on its notification, the count falls live.
    await tabTo(page, `#notifications button[data-mark="${notes[0].id}"]`);
    await page.keyboard.press('Enter');
    await page.locator(`#notifications button[data-mark="${notes[0].id}"]`).waitFor({
      state: 'detached',
    });
    await countBecomes(page, (n) => n === before - 1, 'one fewer');
    expect(
      await item(notes[0].id).evaluate((el: any) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    expect(await accessibilityFailures(page)).toEqual([]);

    // Unread only: the read one leaves the list.
    await tabTo(page, 'input[name=show]:checked');
    await page.keyboard.press('ArrowRight');
    await item(notes[0].id).waitFor({ state: 'detached' });
    await item(notes[1].id).waitFor();
    expect(await accessibilityFailures(page)).toEqual([]);

    // Mark all read: nothing unread is left, and the badge says nothing.
    await tabTo(page, '#mark-all');
    await page.keyboard.press('Enter');
    await item(notes[1].id).waitFor({ state: 'detached' });
    await countBecomes(page, (n) => n === 0, 'nothing unread');
    expect(await page.locator('#inbox-status').textContent()).toBe('Nothing unread.');
    expect(await accessibilityFailures(page)).toEqual([]);
  });
});
