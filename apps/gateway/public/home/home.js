// Home: after sign-in, what needs this user now (taskings, hand-offs, DDTRO deadlines and
// deconfliction alerts within their scope, each linking to where it is acted on), a commander's
// headline figures of the active week, a card for every page the role may use, and the newest
// unread notifications, kept live by the masthead badge's stream (its `inbox-changed` event).
import { ApiError, api } from '/common/assets/api.js';
import { el } from '/common/assets/dom.js';
import { INBOX_CHANGED } from '/common/assets/inbox-badge.js';
import { pagesFor } from '/common/assets/nav.js';
import { failed, loadWeeks, startPage } from '/common/assets/page-shell.js';
import { ensurePurpose, purpose } from '/common/assets/purpose.js';
import { ALL_ROLES, SAFEGUARDING_ROLES } from '/common/assets/roles.js';
import {
  activeWeek,
  actOn,
  alertNeeds,
  cardsFor,
  ddtroNeeds,
  handoffNeeds,
  HOME_INBOX_LIMIT,
  headlineFigures,
  inboxSummary,
  replacementNeeds,
  taskingNeeds,
} from './home-model.js';

const $ = (id) => document.getElementById(id);

function showCards(pages) {
  $('cards').replaceChildren(
    ...cardsFor(pages).map((p) =>
      el('li', {}, el('a', { href: p.href }, p.label), el('p', {}, p.summary ?? '')),
    ),
  );
}

function showNeeds(needs) {
  $('needs-list').replaceChildren(
    ...needs.map((n) =>
      el(
        'li',
        { className: n.urgent ? 'urgent' : '' },
        el('a', { href: n.href }, n.title),
        el('p', {}, n.detail),
      ),
    ),
  );
  $('needs-status').textContent = needs.length
    ? `${needs.length} ${needs.length === 1 ? 'item needs' : 'items need'} you.`
    : 'Nothing needs you now.';
}

/** Reads that need a purpose; only once the user has given one this session. */
async function personLevelNeeds(me, pages, forceNames) {
  const needs = [];
  if (SAFEGUARDING_ROLES.includes(me.role)) {
    const page = await api.get('/api/v1/handoffs?status=raised&limit=200');
    needs.push(...handoffNeeds(page.items, me, me.forces, forceNames));
  }
  if (me.role === 'nclcc') {
    const [ddtros, alerts, replacements] = await Promise.all([
      api.get('/api/v1/ddtros?status=granted&limit=500'),
      api.get('/api/v1/deconfliction/alerts?limit=50'),
      api.get('/api/v1/ddtros/replacement-alerts?status=open&limit=100'),
    ]);
    needs.push(...replacementNeeds(replacements.items, actOn(pages, '/ddtros', '/lines')));
    needs.push(
      ...ddtroNeeds(ddtros.items ?? ddtros, Date.now(), actOn(pages, '/ddtros', '/lines')),
    );
    needs.push(
      ...alertNeeds(alerts.items ?? alerts, forceNames, actOn(pages, '/deconfliction', '/lines')),
    );
  }
  return needs;
}

let inboxRead = null;

/** Re-reads the unread notifications; one read at a time, the last change read again after it. */
async function refreshInbox() {
  if (inboxRead) {
    inboxRead.again = true;
    return;
  }
  inboxRead = { again: false };
  try {
    const page = await api.get(`/api/v1/inbox?unread=true&limit=${HOME_INBOX_LIMIT}`);
    const { status, items } = inboxSummary(page.unread, page.items);
    $('home-inbox-status').textContent = status;
    $('home-inbox-list').replaceChildren(
      ...items.map((n) => el('li', {}, el('a', { href: n.href }, n.title), el('p', {}, n.at))),
    );
    $('home-inbox').hidden = false;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    $('home-inbox-status').textContent = `The inbox could not be loaded: ${e.problem.detail}`;
  } finally {
    const { again } = inboxRead;
    inboxRead = null;
    if (again) await refreshInbox();
  }
}

async function showHeadline(weeks) {
  const week = activeWeek(weeks);
  // Shown once filled, so nobody (nor a test) reads an empty headline.
  $('headline').hidden = true;
  if (!week) return;
  $('headline-week').textContent = week.name;
  $('headline-board').href = `/board/${week.id}`;
  $('headline-board').textContent = `Open the board of ${week.name}`;
  const board = await api.get(`/api/v1/operations/${week.id}/board`);
  $('headline-figures').replaceChildren(
    ...headlineFigures(board).map(([label, value]) =>
      el('div', {}, el('dt', {}, label), el('dd', {}, value.toLocaleString('en-GB'))),
    ),
  );
  $('headline').hidden = false;
}

async function show(me, forceNames) {
  const pages = pagesFor(me.role);
  showCards(pages);
  await refreshInbox();
  $('needs-status').textContent = 'Looking for what needs you…';
  // Commanders watch rather than act: their home leads with the week's figures.
  const asksPurpose = me.role !== 'commander';
  const taskings = asksPurpose ? (await api.get('/api/v1/taskings?limit=500')).items : [];
  let needs = taskingNeeds(taskings, me, forceNames);
  showNeeds(needs);
  const loadPersonLevel = async () => {
    try {
      needs = [...needs, ...(await personLevelNeeds(me, pages, forceNames))];
      $('person-level').hidden = true;
      showNeeds(needs);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      $('needs-status').textContent = `Some items could not be loaded: ${e.problem.detail}`;
    }
  };
  $('person-level').hidden = !asksPurpose || Boolean(purpose.get());
  $('show-person-level').onclick = async () => {
    if (await ensurePurpose()) await loadPersonLevel();
  };
  if (asksPurpose && purpose.get()) await loadPersonLevel();
  if (me.role === 'commander') {
    const weeks = await loadWeeks();
    if (weeks) await showHeadline(weeks);
  }
}

async function main() {
  document.addEventListener(INBOX_CHANGED, () => refreshInbox().catch(failed));
  const page = await startPage({
    roles: ALL_ROLES,
    onSignedIn: (me) => show(me, page.forceNames),
  });
  await page.resume();
}

main().catch(failed);
