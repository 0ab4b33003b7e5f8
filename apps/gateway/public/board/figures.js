// The national picture as large figures (hand-offs among them), and tasking progress, from one board.
import { el } from '/common/assets/dom.js';
import {
  DRUG_NAMES,
  formatCash,
  formatCashShort,
  formatCount,
  formatWeight,
  totals,
} from './format.js';

/**
 * One large figure; `data-figure` and `data-value` let tests compare it with the API, and
 * `data-key` marks it as a figure whose changes since the viewer last looked are shown.
 */
function figure(id, label, value, text, detail) {
  const item = el('li', { className: 'figure' });
  item.dataset.figure = id;
  item.dataset.key = id;
  item.dataset.value = String(value);
  item.append(
    el('span', { className: 'figure-value', textContent: text ?? formatCount(value) }),
    el('span', { className: 'figure-label', textContent: label }),
  );
  if (detail) item.append(el('span', { className: 'figure-detail', textContent: detail }));
  return item;
}

function drugsFigure(drugs) {
  const item = el('li', { className: 'figure drugs' });
  item.dataset.figure = 'drugs';
  const list = el('dl', { className: 'drug-list' });
  for (const [drug, name] of Object.entries(DRUG_NAMES)) {
    const d = drugs[drug];
    const parts = [formatWeight(d.grams)];
    if (d.plants) parts.push(`${formatCount(d.plants)} plants`);
    const value = el('dd', { textContent: parts.join(', ') });
    value.dataset.drug = drug;
    value.dataset.key = `drugs.${drug}`;
    value.dataset.value = String(d.grams);
    value.dataset.grams = String(d.grams);
    value.dataset.plants = String(d.plants);
    list.append(el('dt', { textContent: name }), value);
  }
  const worth = Object.values(drugs).reduce((sum, d) => sum + d.valuePence, 0);
  const detail = el('span', {
    className: 'figure-detail',
    textContent: `street value ${formatCash(worth)}`,
  });
  detail.dataset.key = 'drugsValuePence';
  detail.dataset.value = String(worth);
  item.append(list, el('span', { className: 'figure-label', textContent: 'Drugs seized' }), detail);
  return item;
}

const HANDOFF_STATES = [
  ['raised', 'Awaiting acknowledgement'],
  ['acknowledged', 'Acknowledged'],
  ['overdue', 'Overdue'],
  ['closed', 'Closed'],
];

/** Hand-offs of the week at their home forces; overdue ones are also awaiting acknowledgement. */
function handoffsFigure(h) {
  const item = el('li', { className: 'figure handoffs' });
  item.dataset.figure = 'handoffs';
  item.classList.toggle('has-overdue', h.overdue > 0);
  const list = el('dl', { className: 'count-list' });
  for (const [state, label] of HANDOFF_STATES) {
    const value = el('dd', { textContent: formatCount(h[state]) });
    value.dataset.handoffs = state;
    value.dataset.key = `handoffs.${state}`;
    value.dataset.value = String(h[state]);
    list.append(el('dt', { textContent: label }), value);
  }
  item.append(
    list,
    el('span', { className: 'figure-label', textContent: 'Safeguarding hand-offs' }),
  );
  return item;
}

export function renderFigures(board) {
  const n = board.national;
  const t = board.taskings;
  document
    .getElementById('figures')
    .replaceChildren(
      figure(
        'arrests',
        'Arrests',
        n.arrests,
        null,
        `${formatCount(n.arrestsUnder18)} under 18 · ${formatCount(n.charged)} charged`,
      ),
      figure('safeguardedChildren', 'Children safeguarded', n.safeguardedChildren),
      figure(
        'safeguardedAdults',
        'Adults safeguarded',
        n.safeguardedAdults,
        null,
        `${formatCount(n.nrmReferrals)} NRM referrals`,
      ),
      figure('cuckooedAddressesVisited', 'Cuckooed addresses visited', n.cuckooedAddressesVisited),
      figure(
        'cashPence',
        'Cash seized',
        n.cashPence,
        formatCashShort(n.cashPence),
        formatCash(n.cashPence),
      ),
      drugsFigure(n.drugs),
      figure(
        'weapons',
        'Weapons seized',
        totals.weapons(n),
        null,
        `firearms ${formatCount(n.weapons.firearm)} · bladed ${formatCount(n.weapons.bladed)} · other ${formatCount(n.weapons.other)}`,
      ),
      figure('phones', 'Phones seized', n.phones),
      figure(
        'linesClosed',
        'Lines closed',
        totals.linesClosed(n),
        null,
        `${formatCount(n.lines.identified)} identified · ${formatCount(n.lines.disrupted)} disrupted`,
      ),
      figure('ddtroApplied', 'DDTROs applied for', n.lines.ddtroApplied),
      figure('ddtroGranted', 'DDTROs granted', n.lines.ddtroGranted),
      figure(
        'taskingsCompleted',
        'Taskings done',
        t.completed,
        `${formatCount(t.completed)} of ${formatCount(totals.taskings(t))}`,
      ),
      figure('taskingsOverdue', 'Taskings overdue', t.overdue),
      handoffsFigure(board.handoffs),
    );
}

const STAGES = [
  ['issued', 'Issued, not acknowledged'],
  ['acknowledged', 'Acknowledged'],
  ['inProgress', 'In progress'],
  ['completed', 'Completed'],
  ['declined', 'Declined'],
];

/** A stacked bar with its figures written out (colour is never the only carrier). */
export function renderTaskings(counts, overdueList, forceNames) {
  const total = totals.taskings(counts);
  const bar = el('div', { className: 'stack', role: 'img' });
  bar.setAttribute('aria-label', STAGES.map(([k, label]) => `${label}: ${counts[k]}`).join(', '));
  const legend = el('ul', { className: 'stack-legend' });
  for (const [k, label] of STAGES) {
    if (total) {
      const part = el('span', { className: `stack-part stage-${k}` });
      part.style.width = `${(100 * counts[k]) / total}%`;
      bar.append(part);
    }
    const item = el(
      'li',
      {},
      el('span', { className: `swatch stage-${k}` }),
      `${label}: `,
      el('strong', { textContent: formatCount(counts[k]) }),
    );
    item.dataset.stage = k;
    legend.append(item);
  }
  const overdue = el('p', { className: counts.overdue ? 'overdue' : '' });
  overdue.append(el('strong', { textContent: formatCount(counts.overdue) }), ' overdue');
  if (overdueList.length) {
    const oldest = overdueList[0];
    overdue.append(
      ` (oldest: ${forceNames.get(oldest.force) ?? oldest.force}, ${oldest.priority}, ${formatCount(oldest.overdueForMinutes)} min)`,
    );
  }
  document
    .getElementById('taskings')
    .replaceChildren(
      total ? bar : el('p', { className: 'hint', textContent: 'No taskings yet.' }),
      legend,
      overdue,
    );
}
