// The unread count of the signed-in user's inbox, on the masthead's Inbox link of every page,
// kept live by the inbox stream. Each push is also told to the page as an `inbox-changed`
// event on `document` ({ unread, latest }), so the inbox page needs no stream of its own.
import { el as h } from './dom.js';
import { watchList } from './live-list.js';

export const INBOX_CHANGED = 'inbox-changed';

const badge = h('span', {
  id: 'inbox-badge',
  className: 'inbox-badge',
  hidden: true,
  attrs: { 'aria-live': 'polite' },
});
let stop = null;
let watching = null;

function show(unread) {
  badge.textContent = unread ? `${unread} unread` : '';
  badge.hidden = !unread;
}

/**
 * Puts the badge on the navigation's Inbox link (after each `showNav`) and keeps it live for
 * `me`; another user signed in afresh gets a stream of their own.
 */
export function showInboxBadge(nav, me) {
  const link = nav.querySelector('a[href="/inbox"]');
  if (!link) return;
  link.append(' ', badge);
  const who = JSON.stringify([me.sub, me.role, me.region, me.force]);
  if (who !== watching) stopInboxBadge();
  watching = who;
  stop ??= watchList({
    url: (token) => `/api/v1/inbox/stream?${new URLSearchParams({ access_token: token })}`,
    event: 'inbox',
    pick: (data) => data,
    onItems: (data) => {
      show(data.unread);
      document.dispatchEvent(new CustomEvent(INBOX_CHANGED, { detail: data }));
    },
    onState: () => {},
  });
}

/** Signed out: no stream, no count. */
export function stopInboxBadge() {
  stop?.();
  stop = null;
  watching = null;
  show(0);
}
