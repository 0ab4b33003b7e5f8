// The inbox: what needs the signed-in user, newest first, each linking to where it is acted on.
// Mark one or all read; show all or only unread. The masthead's badge keeps the one stream
// open; each of its pushes (a new notification, a read mark from any tab) reloads the list here.
import { ApiError, api } from '/common/assets/api.js';
import { el as h } from '/common/assets/dom.js';
import { INBOX_CHANGED } from '/common/assets/inbox-badge.js';
import { failed, startPage } from '/common/assets/page-shell.js';
import { ALL_ROLES } from '/common/assets/roles.js';
import { formatDateTime } from '/common/assets/units.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 20;

let items = [];
let nextCursor = null;
let signedIn = false;

const unreadOnly = () => document.querySelector('input[name=show]:checked')?.value === 'unread';

function say(text) {
  $('inbox-status').textContent = text;
}

const unreadWords = (n) => (n === 0 ? 'Nothing unread.' : n === 1 ? '1 unread.' : `${n} unread.`);

function row(n) {
  const open = h('a', { href: n.href }, n.title);
  open.dataset.open = n.id;
  const state = h('span', { className: 'badge' }, n.read ? 'Read' : 'Unread');
  const li = h(
    'li',
    { className: n.read ? 'read' : 'unread' },
    open,
    h('p', { className: 'meta' }, state, ' ', formatDateTime(n.at)),
  );
  if (!n.read) {
    const mark = h(
      'button',
      { type: 'button', className: 'button secondary small', onclick: () => markRead(n) },
      'Mark read',
      h('span', { className: 'visually-hidden' }, `: ${n.title}`),
    );
    mark.dataset.mark = n.id;
    li.append(mark);
  }
  return li;
}

function render(unread) {
  const focused = document.activeElement;
  const keep = focused?.dataset?.open ?? focused?.dataset?.mark;
  $('notifications').replaceChildren(...items.map(row));
  $('more').hidden = !nextCursor;
  $('mark-all').disabled = unread === 0;
  if (items.length === 0) say(unreadOnly() ? 'Nothing unread.' : 'Nothing in your inbox yet.');
  else say(`${items.length} shown. ${unreadWords(unread)}`);
  // Focus stays where it was across a reload; a button that went (marked read) hands it to its link.
  if (keep) {
    const again =
      document.querySelector(`[data-mark="${keep}"]`) ??
      document.querySelector(`[data-open="${keep}"]`);
    again?.focus();
  }
}

async function load() {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (unreadOnly()) query.set('unread', 'true');
  const page = await api.get(`/api/v1/inbox?${query}`);
  items = page.items;
  nextCursor = page.nextCursor;
  render(page.unread);
}

async function loadOlder() {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), cursor: nextCursor });
  if (unreadOnly()) query.set('unread', 'true');
  const page = await api.get(`/api/v1/inbox?${query}`);
  items = [...items, ...page.items];
  nextCursor = page.nextCursor;
  render(page.unread);
}

async function post(body) {
  try {
    return (await api.post('/api/v1/inbox/read', body)).body.unread;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    say(`Not marked read: ${e.problem.detail}`);
    return null;
  }
}

async function markRead(n) {
  if ((await post({ ids: [n.id] })) === null) return;
  await load();
}

async function markAll() {
  if ((await post({ all: true })) === null) return;
  await load();
}

async function main() {
  const page = await startPage({
    roles: ALL_ROLES,
    onSignedIn: async () => {
      signedIn = true;
      await load();
    },
    onSignedOut: () => {
      signedIn = false;
      items = [];
      nextCursor = null;
      $('notifications').replaceChildren();
    },
  });
  for (const input of document.querySelectorAll('input[name=show]'))
    input.addEventListener('change', () => load().catch(failed));
  $('mark-all').addEventListener('click', () => markAll().catch(failed));
  $('more').addEventListener('click', () => loadOlder().catch(failed));
  document.addEventListener(INBOX_CHANGED, () => {
    if (signedIn) load().catch(failed);
  });
  await page.resume();
}

main().catch(failed);
