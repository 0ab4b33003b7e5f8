// The focus map: one hexagon per force, coloured by the chosen measure, focus forces outlined,
// the viewer's region highlighted; hover or focus shows a force's figures, Enter or a click
// selects it. Everything it shows is also in the table beneath it.
import { el, svg } from '/common/assets/dom.js';
import { formatCount } from './format.js';
import {
  availableMeasures,
  binsFor,
  colourFor,
  focusForces,
  hexCentre,
  hexPoints,
  measureValues,
  NO_DATA_COLOUR,
  textColourOn,
  ZERO_COLOUR,
} from './map-model.js';

const SIZE = 34;

/** Draws the map once; `update` recolours it on every board without rebuilding it. */
export function createFocusMap({ cells, regionNames, onSelect }) {
  const map = document.getElementById('map');
  const detail = document.getElementById('cell-detail');
  const centres = cells.map((c) => ({ ...c, ...hexCentre(c.q, c.r, SIZE) }));
  const xs = centres.map((c) => c.x);
  const ys = centres.map((c) => c.y);
  const pad = SIZE + 4;
  map.setAttribute(
    'viewBox',
    `${Math.min(...xs) - pad} ${Math.min(...ys) - pad} ${Math.max(...xs) - Math.min(...xs) + 2 * pad} ${Math.max(...ys) - Math.min(...ys) + 2 * pad + 14}`,
  );
  const nodes = new Map();
  for (const c of centres) {
    const g = svg('g', { class: 'cell', tabindex: 0, role: 'button', 'data-force': c.force });
    // The spaces between the texts are not drawn; they keep "MPS 1" two words for assistive
    // technology, as the cell's label begins with them.
    g.append(
      svg('polygon', { points: hexPoints(c.x, c.y, SIZE - 1.5) }),
      svg('text', { x: c.x, y: c.y - 4, class: 'cell-code' }, c.short),
      ' ',
      svg('text', { x: c.x, y: c.y + 14, class: 'cell-value' }, ''),
    );
    if (c.region === null)
      g.append(' ', svg('text', { x: c.x, y: c.y + SIZE + 12, class: 'cell-note' }, 'national'));
    const select = () => onSelect(c.force);
    g.addEventListener('click', select);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select();
      }
    });
    g.addEventListener('mouseenter', () => showDetail(c.force));
    g.addEventListener('focus', () => showDetail(c.force));
    map.append(g);
    nodes.set(c.force, g);
  }

  let state;

  function figuresOf(force) {
    const { board, focusMap } = state;
    const t = board.forces[force];
    if (!t) return null;
    const lines = focusMap?.forces?.[force];
    return {
      arrests: t.arrests,
      safeguarded: t.safeguardedChildren + t.safeguardedAdults,
      overdue: board.taskingsByForce?.[force]?.overdue ?? 0,
      handoffsOverdue:
        board.handoffsByForce?.[force]?.overdue ?? focusMap?.forces?.[force]?.handoffsOverdue ?? 0,
      importing: lines?.activeLinesImporting,
      exporting: lines?.activeLinesExporting,
    };
  }

  /** Starts with what the cell shows (code, value), so speech users can name it (WCAG 2.5.3). */
  function describe(cell, shown) {
    const f = figuresOf(cell.force);
    const where = cell.region ? regionNames.get(cell.region) : 'national (rail network)';
    const focus = state.focus.has(cell.force) ? ', focus force' : '';
    const label = `${cell.short} ${shown}${cell.region ? '' : ' national'}: ${cell.name}, ${where}${focus}`;
    if (!f) return `${label}: outside your scope`;
    const parts = state.measures.map((m) => `${m.label} ${formatCount(f[m.id] ?? 0)}`);
    return `${label}: ${parts.join(', ')}`;
  }

  function showDetail(force) {
    const cell = centres.find((c) => c.force === force);
    const f = figuresOf(force);
    const list = el('dl');
    if (f)
      for (const m of state.measures)
        list.append(
          el('dt', { textContent: m.label }),
          el('dd', { textContent: formatCount(f[m.id] ?? 0) }),
        );
    detail.replaceChildren(
      el('h3', { textContent: cell.name }),
      el('p', {
        className: 'hint',
        textContent: `${cell.region ? regionNames.get(cell.region) : 'National (rail network)'}${state.focus.has(force) ? ' · focus force' : ''}`,
      }),
      f ? list : el('p', { textContent: 'Outside your scope: no figures.' }),
    );
  }

  function update({ board, focusMap, operation, measure, scopeRegion, selected }) {
    const measures = availableMeasures(focusMap);
    const focus = focusForces(focusMap, operation);
    state = { board, focusMap, measures, focus };
    const values = measureValues(
      measure,
      cells.map((c) => c.force),
      board,
      focusMap,
    );
    const bins = binsFor(Object.values(values));
    for (const c of centres) {
      const g = nodes.get(c.force);
      const fill = colourFor(values[c.force], bins);
      g.dataset.value = values[c.force] === null ? '' : String(values[c.force]);
      g.dataset.colour = fill;
      g.querySelector('polygon').setAttribute('fill', fill);
      g.querySelector('.cell-code').setAttribute('fill', textColourOn(fill));
      const value = g.querySelector('.cell-value');
      value.setAttribute('fill', textColourOn(fill));
      value.textContent = values[c.force] === null ? '–' : formatCount(values[c.force]);
      g.classList.toggle('focus', focus.has(c.force));
      g.classList.toggle('outside', Boolean(scopeRegion) && c.region !== scopeRegion);
      g.classList.toggle('selected', selected === c.force);
      g.setAttribute('aria-pressed', String(selected === c.force));
      g.setAttribute('aria-label', describe(c, value.textContent));
    }
    renderLegend(
      bins,
      Object.values(values).some((v) => v === null),
      measures.find((m) => m.id === measure),
    );
    renderTable(centres, measures, regionNames, figuresOf, focus);
  }

  return { update };
}

function renderLegend(bins, someHidden, measure) {
  const item = (fill, label, cls = '') => {
    const swatch = el('span', { className: `swatch ${cls}` });
    swatch.style.background = fill;
    const li = el('li', {}, swatch, label);
    li.dataset.colour = fill;
    return li;
  };
  const list = el('ul');
  list.append(item(ZERO_COLOUR, 'None'));
  for (const b of bins)
    list.append(
      item(
        b.colour,
        b.from === b.to ? formatCount(b.from) : `${formatCount(b.from)}–${formatCount(b.to)}`,
      ),
    );
  if (someHidden) list.append(item(NO_DATA_COLOUR, 'Outside your scope'));
  list.append(item('transparent', 'Focus force (thick outline)', 'focus-swatch'));
  document
    .getElementById('legend')
    .replaceChildren(
      el('p', { className: 'legend-title', textContent: measure.label }),
      measure.note && el('p', { className: 'hint legend-note', textContent: measure.note }),
      list,
    );
}

function renderTable(centres, measures, regionNames, figuresOf, focus) {
  const head = el(
    'tr',
    {},
    ...['Force', 'Region', 'Focus force', ...measures.map((m) => m.label)].map((t) =>
      el('th', { scope: 'col', textContent: t }),
    ),
  );
  document.getElementById('map-table-head').replaceChildren(head);
  const rows = [...centres]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => {
      const f = figuresOf(c.force);
      const row = el(
        'tr',
        {},
        el('th', { scope: 'row', textContent: `${c.name} (${c.short})` }),
        el('td', { textContent: c.region ? regionNames.get(c.region) : 'National' }),
        el('td', { textContent: focus.has(c.force) ? 'Yes' : 'No' }),
        ...measures.map((m) =>
          el('td', { className: 'num', textContent: f ? formatCount(f[m.id] ?? 0) : '–' }),
        ),
      );
      row.dataset.force = c.force;
      return row;
    });
  document.getElementById('map-table-body').replaceChildren(...rows);
}
