// The NCLCC's planning console: every week with its status; create a week; for the chosen week,
// edit it while planned, choose focus lines from the harm ranking, see and override the focus
// forces that follow, and close or reopen it.
import { request } from '/common/assets/api.js';
import { cell, el } from '/common/assets/dom.js';
import { failed, loadWeeks, startPage } from '/common/assets/page-shell.js';
import { NCLCC_ROLES } from '/common/assets/roles.js';
import { formatDateTime, isoToLocalInput } from '/common/assets/units.js';
import { setupCloseReopen } from './close-reopen.js';
import { setupFocusForces } from './focus-forces.js';
import { showRanking } from './ranking.js';
import { onSubmit } from './submit.js';
import { createBody, editBody, STATUS_LABELS, weeksInOrder } from './weeks-model.js';

const $ = (id) => document.getElementById(id);

function planningConsole({ forces, forceNames }) {
  let weeks = [];

  async function listWeeks() {
    weeks = (await loadWeeks()) ?? [];
    $('weeks-rows').replaceChildren(
      ...weeksInOrder(weeks).map((w) =>
        el(
          'tr',
          { attrs: { 'data-id': w.id, 'data-status': w.status } },
          el('th', { scope: 'row' }, w.name),
          cell(formatDateTime(w.startsAt)),
          cell(formatDateTime(w.endsAt)),
          el('td', { className: 'status' }, STATUS_LABELS[w.status] ?? w.status),
          el(
            'td',
            {},
            el(
              'button',
              { type: 'button', className: 'button small', onclick: () => openWeek(w.id) },
              `Open ${w.name}`,
            ),
          ),
        ),
      ),
    );
  }

  async function openWeek(id) {
    const week = (await request('GET', `/api/v1/operations/${id}`)).body;
    $('week').hidden = false;
    $('week-heading').textContent = week.name;
    $('week-summary').textContent =
      `${STATUS_LABELS[week.status]}: ${formatDateTime(week.startsAt)} to ${formatDateTime(week.endsAt)}.`;
    $('edit').hidden = week.status !== 'planned';
    $('edit-name').value = week.name;
    $('edit-startsAt').value = isoToLocalInput(week.startsAt);
    $('edit-endsAt').value = isoToLocalInput(week.endsAt);
    onSubmit(
      $('edit-form'),
      $('edit-problem'),
      (values) =>
        request('PATCH', `/api/v1/operations/${week.id}`, { json: editBody(week, values) }),
      async ({ body }) => {
        await listWeeks();
        await openWeek(body.id);
        $('edit-result').textContent = `Saved ${body.name}.`;
      },
    );
    const refreshFocus = await setupFocusForces(week, { forces, forceNames });
    const focus = await refreshFocus();
    await showRanking(week, focus, { forceNames, onChosen: () => refreshFocus() });
    setupCloseReopen(week, async (changed) => {
      await listWeeks();
      await openWeek(changed.id);
    });
    $('week-heading').focus();
  }

  onSubmit(
    $('create-form'),
    $('create-problem'),
    (values) => request('POST', '/api/v1/operations', { json: createBody(values) }),
    async ({ body }) => {
      $('create-form').reset();
      $('create-result').textContent = `Created ${body.name}.`;
      await listWeeks();
      await openWeek(body.id);
    },
  );
  return listWeeks();
}

async function main() {
  const page = await startPage({
    roles: NCLCC_ROLES,
    onSignedIn: () => planningConsole({ forces: page.forces, forceNames: page.forceNames }),
  });
  await page.resume();
}

main().catch(failed);
