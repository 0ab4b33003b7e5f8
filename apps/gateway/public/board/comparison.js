// Weeks compared: this week against earlier weeks in the system (at the same hours into the
// week while it runs, whole weeks once closed) and the NCLCC's published national results, as
// a bar chart of one chosen measure and a table of every measure. Figures come from
// `GET /comparison` as they are.
import { el, svg } from '/common/assets/dom.js';
import { formatCash, formatCount } from './format.js';

export const MEASURES = [
  { id: 'arrests', label: 'Arrests' },
  { id: 'safeguarded', label: 'People safeguarded' },
  { id: 'cashPence', label: 'Cash seized', cash: true },
  { id: 'weapons', label: 'Weapons seized' },
  { id: 'linesClosed', label: 'Lines closed' },
];

const format = (measure, value) =>
  value === null ? 'n/a' : measure.cash ? formatCash(value) : formatCount(value);

/**
 * The chart's bars for one measure, this week first: the week's own figures, each earlier week
 * at the same basis, then the published weeks (national only, whole weeks, null when not given).
 */
export function comparisonBars(comparison, measureId, scope = 'national') {
  const pick = (w) => (scope === 'national' ? w.national : (w.regions[scope] ?? w.forces[scope]));
  const ours = [comparison.thisWeek, ...comparison.earlierWeeks].map((w, i) => ({
    label: w.name,
    value: pick(w)?.[measureId] ?? 0,
    kind: i === 0 ? 'this-week' : 'earlier',
  }));
  if (scope !== 'national') return ours;
  return [
    ...ours,
    ...comparison.published.map((p) => ({
      label: `${p.week} (published)`,
      value: p[measureId] ?? null,
      kind: 'published',
    })),
  ];
}

export function basisText(comparison) {
  return comparison.basis === 'same-hours'
    ? `Each week over its first ${formatCount(comparison.hoursIntoWeek)} hours, as far as this week has run. Published results are whole weeks.`
    : 'Whole weeks: this week is closed.';
}

function chart(bars, measure) {
  const W = 640;
  const row = 22;
  const left = 230;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const node = svg('svg', {
    viewBox: `0 0 ${W} ${bars.length * row + 4}`,
    class: 'comparison-chart',
    role: 'img',
  });
  bars.forEach((b, i) => {
    const y = i * row + 2;
    node.append(svg('text', { x: 0, y: y + 15, class: 'axis' }, b.label.slice(0, 34)));
    if (b.value === null) {
      node.append(svg('text', { x: left, y: y + 15, class: 'axis' }, 'n/a'));
      return;
    }
    const width = ((W - left - 90) * b.value) / max;
    node.append(
      svg('rect', {
        x: left,
        y,
        width: Math.max(1, width),
        height: row - 6,
        class: `bar ${b.kind}`,
      }),
      svg('text', { x: left + width + 6, y: y + 15, class: 'axis' }, format(measure, b.value)),
    );
  });
  const self = bars[0];
  node.setAttribute(
    'aria-label',
    `${measure.label}: this week ${format(measure, self.value)}; ${bars
      .slice(1)
      .map((b) => `${b.label} ${format(measure, b.value)}`)
      .join('; ')}`,
  );
  return node;
}

/** Renders the panel into `container` (a section of its own), keeping the chosen measure. */
export function renderComparison(container, comparison, state = { measure: 'arrests' }) {
  const measure = MEASURES.find((m) => m.id === state.measure) ?? MEASURES[0];
  const select = el(
    'select',
    { id: 'comparison-measure' },
    ...MEASURES.map((m) => new Option(m.label, m.id, false, m.id === measure.id)),
  );
  select.onchange = () => {
    state.measure = select.value;
    renderComparison(container, comparison, state);
  };
  // Re-rendered on every change of the board: whoever is on the measure stays on it.
  const hadFocus = document.activeElement?.id === 'comparison-measure';
  const weeks = [comparison.thisWeek, ...comparison.earlierWeeks];
  const table = el(
    'table',
    { className: 'figures-table', id: 'comparison-table' },
    el('caption', {
      className: 'visually-hidden',
      textContent: 'Weeks compared, national figures',
    }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', textContent: 'Week' }),
        ...MEASURES.map((m) => el('th', { scope: 'col', className: 'num', textContent: m.label })),
      ),
    ),
    el(
      'tbody',
      {},
      ...weeks.map((w, i) =>
        el(
          'tr',
          { className: i === 0 ? 'this-week' : '', attrs: { 'data-operation': w.operationId } },
          el('th', { scope: 'row', textContent: i === 0 ? `${w.name} (this week)` : w.name }),
          ...MEASURES.map((m) =>
            el('td', { className: 'num', textContent: format(m, w.national[m.id]) }),
          ),
        ),
      ),
      ...comparison.published.map((p) =>
        el(
          'tr',
          { className: 'published' },
          el('th', { scope: 'row', textContent: `${p.week} (published, whole week)` }),
          ...MEASURES.map((m) => el('td', { className: 'num', textContent: format(m, p[m.id]) })),
        ),
      ),
    ),
  );
  container.replaceChildren(
    el('h2', { id: 'comparison-heading', textContent: 'Weeks compared' }),
    el('p', { className: 'hint', id: 'comparison-basis', textContent: basisText(comparison) }),
    el('label', { htmlFor: 'comparison-measure', textContent: 'Measure ' }),
    select,
    chart(comparisonBars(comparison, measure.id), measure),
    el(
      'details',
      {},
      el('summary', { textContent: 'Weeks compared as a table' }),
      el('div', { className: 'table-wrap', tabIndex: 0 }, table),
    ),
    el('p', {
      className: 'hint',
      textContent:
        "Published results are the NCLCC's national releases; n/a where a release gave no comparable figure.",
    }),
  );
  if (hadFocus) select.focus();
}
