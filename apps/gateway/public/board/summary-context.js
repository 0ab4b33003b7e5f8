// The week in context, in the printable summary: how it compares with earlier weeks (national
// figures, same hours or whole weeks as `GET /comparison` says) and which forces the gaming
// check flagged, in its own words. Plain tables, so the page prints as it reads.
import { api } from '/common/assets/api.js';
import { el } from '/common/assets/dom.js';
import { basisText, MEASURES } from './comparison.js';
import { formatCash, formatCount } from './format.js';

const format = (m, v) => (v === null ? 'n/a' : m.cash ? formatCash(v) : formatCount(v));
const row = (cells, header = false) =>
  el(
    'tr',
    {},
    ...cells.map((c, i) =>
      el(header || i === 0 ? 'th' : 'td', { textContent: c, className: i ? 'num' : '' }),
    ),
  );

function comparisonSection(comparison) {
  const weeks = [comparison.thisWeek, ...comparison.earlierWeeks];
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'compared-heading' } },
    el('h2', { id: 'compared-heading', textContent: 'Compared with earlier weeks' }),
    el('p', { textContent: basisText(comparison) }),
    el(
      'table',
      { id: 'compared' },
      row(['Week', ...MEASURES.map((m) => m.label)], true),
      ...weeks.map((w, i) =>
        row([
          i === 0 ? `${w.name} (this week)` : w.name,
          ...MEASURES.map((m) => format(m, w.national[m.id])),
        ]),
      ),
      ...comparison.published.map((p) =>
        row([`${p.week} (published)`, ...MEASURES.map((m) => format(m, p[m.id]))]),
      ),
    ),
  );
}

function gamingSection(check, forceNames) {
  const flagged = check.forces.filter((f) => f.status === 'flagged');
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'gaming-heading' } },
    el('h2', { id: 'gaming-heading', textContent: 'Activity in the four weeks before' }),
    el('p', {
      textContent: `Each force's weeks ${check.recentWeeks.from} to ${check.recentWeeks.to} against its own baseline of ${check.baselineWeeks.from} to ${check.baselineWeeks.to}; a fall of ${check.rule.dropAtLeastPercent}% or more is flagged. A flag cannot tell activity held back from a real fall.`,
    }),
    flagged.length
      ? el(
          'ul',
          { id: 'gaming-findings' },
          ...flagged.flatMap((f) =>
            f.findings.map((text) =>
              el('li', {}, `${forceNames.get(f.force) ?? f.force} ${text}.`),
            ),
          ),
        )
      : el('p', { id: 'gaming-findings', textContent: 'No force in view was flagged.' }),
  );
}

/** Fills `container`; a part the API cannot give is left out rather than failing the summary. */
export async function renderSummaryContext(container, operationId, forceNames) {
  const [comparison, check] = await Promise.allSettled([
    api.get(`/api/v1/operations/${operationId}/comparison`),
    api.get(`/api/v1/operations/${operationId}/gaming-check`),
  ]);
  container.replaceChildren(
    ...(check.status === 'fulfilled' ? [gamingSection(check.value, forceNames)] : []),
    ...(comparison.status === 'fulfilled' ? [comparisonSection(comparison.value)] : []),
  );
}
