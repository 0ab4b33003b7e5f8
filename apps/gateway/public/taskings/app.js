// The taskings page adapts to who signs in: the NCLCC issues (one force or all focus forces at
// once), watches and cancels or reassigns; a region or force acknowledges, starts, completes and
// declines; a commander watches. Shared pieces (sign-in, API client, field errors) come from the
// reporting page's assets.
import { ApiError, request } from '/common/assets/api.js';
import { failed, loadWeeks, startPage } from '/common/assets/page-shell.js';
import { linkedId } from '/common/assets/deep-link.js';
import { formatDate } from '/common/assets/units.js';
import { acknowledgeEach, bulkResultText } from './bulk-acknowledge.js';
import { createDecideDialog } from './decide-dialog.js';
import { createIssueForm } from './issue-form.js';
import { watchTaskings } from './live.js';
import { createTable } from './table.js';

const el = (id) => document.getElementById(id);
const VIEWS = { nclcc: 'manage', regional: 'respond', force: 'respond', commander: 'read' };
const LIVE_STATES = {
  connecting: 'Connecting to live updates…',
  live: 'Live: changes appear as they happen.',
  reconnecting: 'Connection lost: reconnecting…',
  paused: 'Paused until you sign in again.',
};
const option = (value, text) => Object.assign(document.createElement('option'), { value, text });

function showLiveState(state) {
  el('live-state').textContent = LIVE_STATES[state];
  el('live-state').dataset.state = state;
}

async function main() {
  let stopWatching = () => {};
  const page = await startPage({
    roles: ['nclcc', 'regional', 'force'],
    onSignedIn: start,
    onSignedOut: () => stopWatching(),
  });
  const { forces, forceNames } = page;

  const decide = createDecideDialog({
    forces,
    forceNames,
    onDone: (t) => table.update(t),
    onClosed: (mode, t) => table.focus(t.id, mode),
  });
  const table = createTable({
    forceNames,
    async onAction(transition, tasking) {
      table.problem(tasking.id, null);
      if (transition !== 'acknowledge' && transition !== 'start')
        return decide.open(transition, tasking);
      try {
        const { body } = await request(
          'POST',
          `/api/v1/taskings/${encodeURIComponent(tasking.id)}/${transition}`,
          { json: {} },
        );
        table.update(body);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        table.problem(tasking.id, err.problem.detail ?? err.problem.title);
      }
    },
    onSelection(chosen) {
      const n = chosen.length;
      el('acknowledge-selected').disabled = n === 0;
      el('acknowledge-selected').textContent = n
        ? `Acknowledge ${n} selected`
        : 'Acknowledge selected';
    },
  });

  // Each tasking its own request and key: a refusal shows on its row, the others go through.
  el('acknowledge-selected').onclick = async () => {
    const chosen = table.selection();
    if (!chosen.length) return;
    el('acknowledge-selected').disabled = true;
    el('bulk-result').textContent = `Acknowledging ${chosen.length}…`;
    const results = await acknowledgeEach(chosen, (t, key) =>
      request('POST', `/api/v1/taskings/${encodeURIComponent(t.id)}/acknowledge`, {
        json: {},
        headers: { 'Idempotency-Key': key },
      }).then((r) => r.body),
    );
    for (const r of results) {
      table.problem(r.tasking.id, r.ok ? null : r.problem);
      if (r.ok) table.update(r.updated);
    }
    el('bulk-result').textContent = bulkResultText(results, forceNames);
  };
  el('select-all').onclick = () => table.toggleAll();
  const issueForm = createIssueForm({
    forces,
    forceNames,
    onIssued: (ts) => ts.forEach((t) => table.update(t)),
  });

  async function start(me) {
    const operations = await loadWeeks();
    if (!operations) return;
    el('issue').hidden = !['nclcc', 'regional'].includes(me.role);
    el('bulk').hidden = VIEWS[me.role] !== 'respond';
    issueForm.setIssuer(me);
    table.setView(VIEWS[me.role]);

    const select = el('operation');
    const sorted = [...operations].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    select.replaceChildren(
      ...sorted.map((o) =>
        option(
          o.id,
          `${o.name} (${formatDate(o.startsAt)} to ${formatDate(o.endsAt)}), ${o.status}`,
        ),
      ),
    );
    // A link from the inbox names its week (`?operation=`); else the first active week.
    const asked = sorted.find(
      (o) => o.id === new URLSearchParams(location.search).get('operation'),
    );
    const firstActive = sorted.find((o) => o.status === 'active');
    if (asked ?? firstActive) select.value = (asked ?? firstActive).id;
    if (asked) table.pickOut(linkedId(location.search, 'tasking'));

    function chosen() {
      stopWatching();
      const op = sorted.find((o) => o.id === select.value);
      el('list').hidden = !op;
      if (!op) {
        el('operation-focus').textContent = 'No intensification weeks have been planned yet.';
        return;
      }
      const focus = (op.focusForces ?? []).map((f) => forceNames.get(f) ?? f);
      el('operation-focus').textContent = focus.length
        ? `Focus forces: ${focus.join(', ')}.`
        : 'This week has no focus forces.';
      issueForm.setOperation(op);
      table.show([]);
      stopWatching = watchTaskings(op.id, { onTaskings: table.show, onState: showLiveState });
    }
    // Assigned, not added: signing in again sets the page up again without doubling handlers.
    select.onchange = chosen;
    chosen();
  }

  await page.resume();
}

main().catch(failed);
