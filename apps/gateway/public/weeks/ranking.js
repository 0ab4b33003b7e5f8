// The harm ranking as a table (every factor's points, a box to choose each line) and as a bar
// chart of points; choosing lines sets the week's focus lines.
import { request } from '/common/assets/api.js';
import { barChart } from '/common/assets/bar-chart.js';
import { cell, el } from '/common/assets/dom.js';
import { onSubmit } from './submit.js';
import { FACTOR_LABELS, factorPoints, rankingBars } from './weeks-model.js';

/** The chart shows the leading lines; the table lists them all. */
const CHART_LINES = 15;

function chart(items) {
  const bars = rankingBars(items.slice(0, CHART_LINES));
  return el(
    'figure',
    {},
    barChart({
      items: bars,
      title: `Harm points of the ${bars.length} highest-ranked lines; the table below lists every line and factor`,
      className: 'ranking-chart',
    }),
    el('figcaption', {}, 'Points per line (harm-v1)'),
  );
}

/** Shows the ranking with the week's focus lines ticked; `onChosen(focus)` after choosing. */
export async function showRanking(week, focus, { forceNames, onChosen }) {
  const ranking = (await request('GET', '/api/v1/lines/ranking?limit=100')).body;
  const factors = Object.keys(FACTOR_LABELS);
  document.getElementById('ranking-head').replaceChildren(
    el(
      'tr',
      {},
      ...['Rank', 'Choose', 'Line', 'Exporting force', 'Importing forces']
        .concat(
          factors.map((f) => FACTOR_LABELS[f]),
          'Points',
        )
        .map((h) => el('th', { scope: 'col' }, h)),
    ),
  );
  const chosen = new Set(focus.lineIds);
  document.getElementById('ranking-rows').replaceChildren(
    ...ranking.items.map((item) => {
      const points = factorPoints(item);
      const id = `choose-${item.lineId}`;
      const box = el('input', {
        type: 'checkbox',
        id,
        name: 'lineIds',
        value: item.lineId,
        checked: chosen.has(item.lineId),
      });
      return el(
        'tr',
        { attrs: { 'data-line': item.lineId } },
        cell(String(item.rank)),
        el(
          'td',
          {},
          box,
          el('label', { htmlFor: id, className: 'visually-hidden' }, `Choose ${item.brand}`),
        ),
        el('th', { scope: 'row' }, item.brand),
        cell(forceNames.get(item.exportingForce) ?? item.exportingForce),
        cell(item.importingForces.map((f) => forceNames.get(f) ?? f).join(', ')),
        ...factors.map((f) => {
          const p = points[f];
          return el(
            'td',
            { className: 'number', title: p?.explanation ?? '' },
            String(p?.points ?? 0),
          );
        }),
        el('td', { className: 'number' }, el('strong', {}, String(item.score))),
      );
    }),
  );
  document.getElementById('ranking-chart-wrap').replaceChildren(chart(ranking.items));
  const form = document.getElementById('focus-form');
  onSubmit(
    form,
    document.getElementById('focus-problem'),
    () => {
      const lineIds = [...form.querySelectorAll('input[name=lineIds]:checked')].map((b) => b.value);
      return request('PUT', `/api/v1/operations/${week.id}/focus-lines`, { json: { lineIds } });
    },
    async ({ body }) => {
      document.getElementById('focus-result').textContent =
        `${body.lineIds.length} focus lines chosen; ${body.focusForces.length} focus forces follow.`;
      await onChosen(body);
    },
  );
}
