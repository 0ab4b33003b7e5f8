// Step 2: which week and which of the user's forces the rest of the page works on.
import { formatDate, formatDateTime } from '/common/assets/units.js';

const STATUS_NAMES = { planned: 'planned', active: 'active', closed: 'closed' };
const option = (value, text) => Object.assign(document.createElement('option'), { value, text });

function weekState(week) {
  if (week.status === 'closed')
    return 'This week is closed and its figures are final: reporting, corrections and uploads are turned off.';
  if (week.status === 'planned')
    return `This week has not started: results can be reported from ${formatDateTime(week.startsAt)}.`;
  return `Reporting is open for results from ${formatDateTime(week.startsAt)} to ${formatDateTime(week.endsAt)}.`;
}

/**
 * Fills both selects and calls `onChange(week, force)` now and after every change; `chosen`
 * (a week id and force code, e.g. from a link) is selected first when given.
 */
export function setupWeekAndForce({ weeks, forces, forceNames, onChange, chosen = {} }) {
  const weekSelect = document.getElementById('week');
  const forceSelect = document.getElementById('force');
  const state = document.getElementById('week-state');
  const sorted = [...weeks].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  weekSelect.replaceChildren(
    ...sorted.map((w) =>
      option(
        w.id,
        `${w.name} (${formatDate(w.startsAt)} to ${formatDate(w.endsAt)}), ${STATUS_NAMES[w.status]}`,
      ),
    ),
  );
  forceSelect.replaceChildren(...forces.map((f) => option(f, forceNames.get(f) ?? f)));
  const firstActive = sorted.find((w) => w.status === 'active');
  if (firstActive) weekSelect.value = firstActive.id;
  if (chosen.operation) weekSelect.value = chosen.operation;
  if (chosen.force) forceSelect.value = chosen.force;

  function changed() {
    const week = sorted.find((w) => w.id === weekSelect.value);
    state.textContent = week ? weekState(week) : 'No intensification weeks have been planned yet.';
    state.classList.toggle('warning', week?.status !== 'active');
    if (week && forceSelect.value) onChange(week, forceSelect.value);
  }
  // Assigned, not added: signing in again sets the page up again without doubling handlers.
  weekSelect.onchange = changed;
  forceSelect.onchange = changed;
  changed();
  return { hasWeek: sorted.length > 0 && forces.length > 0 };
}
