// The focus-line scoreboard: what happened to each focus line of the week and to the other lines
// of its holders, and which forces disrupted them. The board's panel and the week summary share
// these builders; every figure comes from GET /focus-lines/results as it is.
import { ApiError, api } from '/common/assets/api.js';
import { el } from '/common/assets/dom.js';
import { formatCount } from './format.js';

const STATUS_NAMES = { active: 'Active', dormant: 'Dormant', closed: 'Closed' };
const CLOSURE_NAMES = { type1: 'type 1', type2: 'type 2' };

export const statusText = (s) =>
  s
    ? `${STATUS_NAMES[s.status] ?? s.status}${s.closureType ? ` (${CLOSURE_NAMES[s.closureType]})` : ''}`
    : 'Not yet registered';

/** Reads the week's results; null when the gateway does not serve them (an older one). */
export async function loadFocusResults(operationId) {
  try {
    return await api.get(`/api/v1/operations/${operationId}/focus-lines/results`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** A bar of `part` in `whole`; the figures beside it say the same, so it is hidden from readers. */
function meter(part, whole, kind) {
  const bar = el('span', { className: `focus-meter ${kind}`, attrs: { 'aria-hidden': 'true' } });
  const fill = el('span', { className: 'focus-meter-fill' });
  fill.style.width = whole ? `${Math.round((100 * part) / whole)}%` : '0%';
  bar.append(fill);
  return bar;
}

/** A cell with a short figure, an optional bar and detail; `data-col` lets tests read it. */
function figureCell(col, text, { bar, detail } = {}) {
  const td = el(
    'td',
    {},
    el('span', { className: 'focus-figure', textContent: text }),
    bar,
    detail && el('span', { className: 'focus-detail', textContent: detail }),
  );
  td.dataset.col = col;
  return td;
}

function headerRow(labels) {
  return el(
    'thead',
    {},
    el('tr', {}, ...labels.map((l) => el('th', { scope: 'col', textContent: l }))),
  );
}

const runs = (l, forceNames) => {
  const name = (c) => forceNames.get(c) ?? c;
  const into = l.importingForces.map(name).join(', ');
  return `${name(l.exportingForce)}${into ? ` into ${into}` : ''}`;
};

/** The week's totals in one sentence, as the summary leads with them. */
export function focusTotalsText(r) {
  const t = r.totals;
  if (!t.focusLines) return 'No focus lines were set for this week.';
  return (
    `${formatCount(t.disrupted)} of ${formatCount(t.focusLines)} focus lines disrupted, ` +
    `${formatCount(t.closed)} closed (${formatCount(t.closedDuringWeek)} closed on the register during the week); ` +
    `${formatCount(t.numbersCutOff)} deal numbers cut off; ` +
    `${formatCount(t.holderLinesDisrupted)} of ${formatCount(t.holderLines)} other lines run by their holders disrupted, ` +
    `${formatCount(t.holderLinesClosed)} closed; ` +
    `${formatCount(t.taskingsCompleted)} of ${formatCount(t.taskings)} taskings against them completed.`
  );
}

const plural = (n, one, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A caption, or one only screen readers read when a heading already names the table. */
const captionOf = (text, hidden) =>
  el('caption', { textContent: text, className: hidden ? 'visually-hidden' : '' });

/** One row per focus line; a line outside the viewer's scope says so and shows no figures. */
export function focusLinesTable(r, forceNames, caption) {
  const rows = r.focusLines.map((l) => {
    const tr = el('tr', { className: l.disrupted ? 'focus-disrupted' : '' });
    tr.dataset.lineId = l.lineId;
    const head = el(
      'th',
      { scope: 'row' },
      el('span', { className: 'focus-brand', textContent: l.withheld ? 'Focus line' : l.brand }),
      el('span', { className: 'focus-detail', textContent: runs(l, forceNames) }),
    );
    if (l.withheld) {
      const td = el('td', {
        colSpan: 5,
        className: 'hint',
        textContent: 'Outside your scope: no figures shown.',
      });
      td.dataset.col = 'withheld';
      tr.append(head, td);
      return tr;
    }
    const t = l.taskings;
    const o = l.outcomes;
    const h = l.holders;
    const status = figureCell('status', statusText(l.statusNow), {
      detail: `at the start: ${statusText(l.statusAtStart)}${l.closedDuringWeek ? ' · closed this week' : ''}`,
    });
    status.dataset.now = l.statusNow?.status ?? '';
    status.dataset.start = l.statusAtStart?.status ?? '';
    const taskings = figureCell(
      'taskings',
      `${formatCount(t.byStatus.completed)} of ${formatCount(t.total)} done`,
      {
        bar: meter(t.byStatus.completed, t.total, 'done'),
        detail: `${formatCount(t.byStatus['in-progress'])} in progress · ${formatCount(t.byStatus.declined)} declined · ${formatCount(t.overdue)} overdue`,
      },
    );
    taskings.dataset.total = String(t.total);
    taskings.dataset.completed = String(t.byStatus.completed);
    const outcomes = figureCell(
      'outcomes',
      `${formatCount(o.byAction.disrupted)} disrupted · ${formatCount(o.byAction.closedType1 + o.byAction.closedType2)} closed`,
      {
        detail: `${plural(o.count, 'outcome')} (${plural(o.byType.arrest, 'arrest')}, ${formatCount(o.byAction.identified)} identified) · DDTROs ${formatCount(o.ddtroApplied)} applied, ${formatCount(o.ddtroGranted)} granted`,
      },
    );
    outcomes.dataset.count = String(o.count);
    const cut = figureCell('numbersCutOff', formatCount(l.numbersCutOff), {
      detail: `${plural(l.ddtros.granted, 'order')} granted this week`,
    });
    cut.dataset.value = String(l.numbersCutOff);
    const holders = figureCell(
      'holders',
      `${formatCount(h.otherLinesDisrupted)} of ${formatCount(h.otherLines)} disrupted`,
      {
        bar: meter(h.otherLinesDisrupted, h.otherLines, 'holders'),
        detail: `${formatCount(h.otherLinesClosed)} closed · ${plural(h.count, 'holder')}`,
      },
    );
    holders.dataset.otherLines = String(h.otherLines);
    holders.dataset.disrupted = String(h.otherLinesDisrupted);
    tr.append(head, status, taskings, outcomes, cut, holders);
    return tr;
  });
  return el(
    'table',
    { className: 'focus-table' },
    el('caption', { textContent: caption }),
    headerRow([
      'Focus line',
      'Status now',
      'Taskings',
      'Outcomes on the line',
      'Numbers cut off',
      "Holders' other lines",
    ]),
    el('tbody', {}, ...rows),
  );
}

/** Forces by their part in disrupting focus lines and their holders' other lines, best first. */
export function forceRankingTable(r, forceNames, caption, { hideCaption = false } = {}) {
  const top = Math.max(1, ...r.forces.map((f) => f.score));
  const rows = r.forces.map((f, i) => {
    const tr = el(
      'tr',
      {},
      el('td', { textContent: String(i + 1) }),
      el('th', { scope: 'row', textContent: forceNames.get(f.force) ?? f.force }),
      el('td', { textContent: formatCount(f.focusLinesDisrupted) }),
      el('td', { textContent: formatCount(f.focusLinesClosed) }),
      el('td', { textContent: formatCount(f.holderLinesDisrupted) }),
      figureCell('score', formatCount(f.score), { bar: meter(f.score, top, 'score') }),
    );
    tr.dataset.force = f.force;
    tr.dataset.score = String(f.score);
    return tr;
  });
  const table = el(
    'table',
    { className: 'focus-table focus-ranking' },
    captionOf(caption, hideCaption),
    headerRow([
      'Rank',
      'Force',
      'Focus lines disrupted',
      'of them closed',
      "Holders' other lines disrupted",
      'Score',
    ]),
    el('tbody', {}, ...rows),
  );
  return rows.length
    ? table
    : el('p', { className: 'hint', textContent: 'No force has disrupted a focus line yet.' });
}

export const SCORE_NOTE =
  "Score: 2 points per focus line disrupted, 1 more if closed, 1 per other line of a focus line's holder disrupted; each line counts once per force.";

/**
 * The board's "Focus lines" panel: headline figures, the lines and the force ranking, re-read
 * when the board changes (the caller throttles).
 */
export function createFocusResults({ operationId, forceNames }) {
  const panel = document.getElementById('focus-results-panel');
  const body = document.getElementById('focus-results');
  let shown = null;
  return {
    async refresh() {
      const r = await loadFocusResults(operationId).catch(() => shown);
      if (!r) return;
      shown = r;
      panel.hidden = false;
      const t = r.totals;
      const headline = el(
        'ul',
        { className: 'focus-figures' },
        ...[
          ['disrupted', 'Focus lines disrupted', t.disrupted, `of ${formatCount(t.focusLines)}`],
          [
            'closed',
            'Focus lines closed',
            t.closed,
            `${formatCount(t.closedDuringWeek)} on the register`,
          ],
          ['numbersCutOff', 'Numbers cut off', t.numbersCutOff, 'by providers under DDTROs'],
          [
            'holderLinesDisrupted',
            "Holders' other lines disrupted",
            t.holderLinesDisrupted,
            `of ${formatCount(t.holderLines)} · ${formatCount(t.holderLinesClosed)} closed`,
          ],
        ].map(([id, label, value, detail]) => {
          const li = el(
            'li',
            { className: 'figure' },
            el('span', { className: 'figure-value', textContent: formatCount(value) }),
            el('span', { className: 'figure-label', textContent: label }),
            el('span', { className: 'figure-detail', textContent: detail }),
          );
          li.dataset.focusFigure = id;
          li.dataset.value = String(value);
          return li;
        }),
      );
      body.replaceChildren(
        headline,
        t.focusLines
          ? el(
              'div',
              { className: 'table-wrap', tabIndex: 0 },
              focusLinesTable(r, forceNames, 'Each focus line of the week'),
            )
          : el('p', { className: 'hint', textContent: 'No focus lines set for this week yet.' }),
        el('h3', { textContent: 'Forces by disruption of focus lines and their holders' }),
        el(
          'div',
          { className: 'table-wrap', tabIndex: 0 },
          forceRankingTable(r, forceNames, 'Forces ranked by disruption', { hideCaption: true }),
        ),
        el('p', { className: 'hint', textContent: SCORE_NOTE }),
      );
    },
  };
}
