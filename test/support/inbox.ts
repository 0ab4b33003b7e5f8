import { randomBytes } from 'node:crypto';
import { waitFor } from '@intensify/testing';
import { api, ApiAnswer, tokenFor, Who } from './api';

/** One user of a role and scope no other test signs in as: their read marks are theirs. */
export function freshUser(who: Omit<Who, 'sub'>): Who {
  return { ...who, sub: `inbox-${who.role}-${randomBytes(4).toString('hex')}` };
}

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  href: string;
  read: boolean;
  taskingId?: string;
  handoffId?: string;
  alertId?: string;
  operationId?: string;
  force?: string;
  region?: string;
}

/** The user's inbox (newest first, its first thousand), with its unread count. */
export async function inboxOf(
  who: Who,
  query: Record<string, string> = {},
): Promise<{ items: InboxItem[]; unread: number }> {
  const token = await tokenFor(who);
  const items: InboxItem[] = [];
  let cursor: string | null = null;
  let unread = 0;
  let pages = 0;
  do {
    const q: URLSearchParams = new URLSearchParams({
      ...query,
      limit: '100',
      ...(cursor && { cursor }),
    });
    const res: ApiAnswer<{ items: InboxItem[]; nextCursor: string | null; unread: number }> =
      await api('GET', `/api/v1/inbox?${q}`, { token });
    if (res.status !== 200) throw new Error(`inbox: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    if (pages === 0) unread = res.body.unread;
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 10);
  return { items, unread };
}

/** Waits until the user's inbox holds a notification matching `match`, and answers it. */
export async function awaitNotification(
  who: Who,
  match: (n: InboxItem) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<InboxItem> {
  const inbox = await waitFor(
    () => inboxOf(who),
    (i) => i.items.some(match),
    { timeoutMs, intervalMs: 200, what },
  );
  return inbox.items.find(match)!;
}

export async function markRead(who: Who, body: unknown) {
  return api('POST', '/api/v1/inbox/read', { token: await tokenFor(who), body });
}
