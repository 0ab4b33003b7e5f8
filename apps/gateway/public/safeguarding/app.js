// The safeguarding page: the inbox of hand-offs to the user's force area (overdue first), the
// hand-offs it sent, the selected one with what may be done with it, and the raise form. Every
// read carries the session's purpose, asked once; the lists come live from the hand-offs stream.
import { alert, failed, loadWeeks, startPage } from '/common/assets/page-shell.js';
import { linkedId } from '/common/assets/deep-link.js';
import { ensurePurpose } from '/common/assets/purpose.js';
import { SAFEGUARDING_ROLES } from '/common/assets/roles.js';
import { formatDate } from '/common/assets/units.js';
import { createActions } from './actions.js';
import { createDetail } from './detail.js';
import { mayAct, mayRaise, splitLists } from './handoff-model.js';
import { createHandoffTable } from './handoff-table.js';
import { watchHandoffs } from './live.js';
import { createRaiseForm } from './raise-form.js';
import { prefillFromQuery } from './raise-model.js';

const el = (id) => document.getElementById(id);
const LIVE_STATES = {
  connecting: 'Connecting to live updates…',
  live: 'Live: changes appear as they happen.',
  reconnecting: 'Connection lost: reconnecting…',
  paused: 'Paused until you sign in again.',
  waiting: 'Not connected: say why you are looking first.',
};
const option = (value, text) => Object.assign(document.createElement('option'), { value, text });
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function showLiveState(state) {
  el('live-state').textContent = LIVE_STATES[state];
  el('live-state').dataset.state = state;
}

/** A hand-off as an answer gave it, unless a push already brought a later state. */
function merged(items, t) {
  const at = items.findIndex((i) => i.id === t.id);
  if (at < 0) return [t, ...items];
  if ((items[at].history?.length ?? 0) > (t.history?.length ?? 0)) return items;
  return items.map((i) => (i.id === t.id ? t : i));
}

const DONE = {
  acknowledge: (t) => `Acknowledged: owner ${t.owner}.`,
  redirect: (t, force) => `Redirected to ${force(t.homeForce)}, with a new deadline.`,
  close: () => 'Closed.',
};

async function main() {
  let stopWatching = () => {};
  let me = null;
  let items = [];
  const page = await startPage({
    roles: SAFEGUARDING_ROLES,
    onSignedIn: start,
    onSignedOut: () => {
      stopWatching();
      items = [];
    },
  });
  const { forces, forceNames } = page;
  const regionByForce = new Map(forces.map((f) => [f.code, f.region]));
  const regionOf = (code) => regionByForce.get(code);
  const force = (code) => forceNames.get(code) ?? code;
  // A link from the inbox names a hand-off (`?handoff=`): opened once the purpose is given.
  const linkedHandoff = linkedId(location.search, 'handoff');
  const prefill = prefillFromQuery(
    location.search,
    forces.map((f) => f.code),
  );

  const inbox = createHandoffTable({
    rows: el('inbox-rows'),
    summary: el('inbox-summary'),
    forceNames,
    describe: (n, overdue) =>
      n ? `${plural(n, 'hand-off', 'hand-offs')}, ${overdue} overdue.` : 'Nothing in your inbox.',
    onOpen: (t) => detail.open(t.id),
  });
  const sent = createHandoffTable({
    rows: el('sent-rows'),
    summary: el('sent-summary'),
    forceNames,
    describe: (n, overdue) =>
      n
        ? `${plural(n, 'hand-off', 'hand-offs')} sent, ${overdue} not acknowledged in time.`
        : 'Your force area has raised no hand-offs.',
    onOpen: (t) => detail.open(t.id),
  });

  function showLists() {
    const lists = splitLists(me, items, regionOf);
    inbox.show(lists.incoming);
    sent.show(lists.sent);
  }

  const actions = createActions({
    forces,
    onDone(t, action) {
      items = merged(items, t);
      showLists();
      detail.update(t);
      actions.said(DONE[action](t, force));
      el('action-result').focus();
    },
  });
  const detail = createDetail({
    forceNames,
    regionNames: page.regionNames,
    mayAct: (t) => mayAct(me, t, regionOf),
    actions,
    onOpened: (id) => {
      inbox.select(id);
      sent.select(id);
    },
  });
  const raiseForm = createRaiseForm({
    forces,
    forceNames,
    onRaised(t) {
      items = merged(items, t);
      showLists();
    },
  });

  function watch() {
    stopWatching();
    stopWatching = watchHandoffs(el('week').value, {
      onItems(next) {
        items = next;
        showLists();
        detail.pushed(next);
      },
      onState: showLiveState,
    });
  }

  /** The purpose first: without one the page reads nothing and says how to give it. */
  async function readWithPurpose() {
    const why = await ensurePurpose();
    el('purpose-needed').hidden = Boolean(why);
    if (!why) {
      showLiveState('waiting');
      return false;
    }
    watch();
    return true;
  }

  async function start(signedIn) {
    me = signedIn;
    if (!SAFEGUARDING_ROLES.includes(me.role)) {
      for (const id of ['context', 'inbox', 'sent', 'detail', 'raise']) el(id).hidden = true;
      alert('Commanders see hand-off counts on the board; hand-offs themselves are not shown.');
      return;
    }
    const weeks = await loadWeeks();
    if (!weeks) return;
    const sorted = [...weeks].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    el('week').replaceChildren(
      option('', 'All weeks, and hand-offs outside a week'),
      ...sorted.map((w) =>
        option(
          w.id,
          `${w.name} (${formatDate(w.startsAt)} to ${formatDate(w.endsAt)}), ${w.status}`,
        ),
      ),
    );
    el('week').onchange = watch;
    el('sent').hidden = me.role === 'nclcc';
    el('inbox-heading').textContent =
      me.role === 'nclcc' ? 'Every hand-off' : `Inbox: hand-offs to ${scopeName(me)}`;
    el('sent-heading').textContent = `Sent by ${scopeName(me)}`;
    el('detail').hidden = true;
    el('raise').hidden = !mayRaise(me);
    el('raise-link').hidden = !mayRaise(me);
    raiseForm.setUp(me, weeks);
    items = [];
    showLists();
    el('give-purpose').onclick = async () => {
      if (!(await readWithPurpose())) return;
      if (linkedHandoff) await detail.open(linkedHandoff);
      else el('inbox-heading').focus();
    };
    if ((await readWithPurpose()) && linkedHandoff) await detail.open(linkedHandoff);
    if (prefill.open && mayRaise(me)) {
      raiseForm.prefill(prefill.values);
      el('raise-heading').focus();
    }
  }

  function scopeName(user) {
    if (user.role === 'force') return force(user.force);
    if (user.role === 'regional') return page.regionNames.get(user.region) ?? user.region;
    return 'all forces';
  }

  await page.resume();
}

main().catch(failed);
