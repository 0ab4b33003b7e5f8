// The week's focus forces: a list (why each is there), the force map with them filled in, the
// override form (make a force a focus force or not, with a reason) and the recorded overrides.
import { request } from '/common/assets/api.js';
import { cell, el, svg } from '/common/assets/dom.js';
import { formatDateTime } from '/common/assets/units.js';
import { hexCentre, hexPoints } from '/board/assets/map-model.js';
import { onSubmit } from './submit.js';
import { focusForceRows, OVERRIDE_REASONS, overrideRow } from './weeks-model.js';

const $ = (id) => document.getElementById(id);
const SIZE = 16;

/** The force map (as on the board), focus forces filled and outlined, each named in its title. */
function forceMap(cells, focus, forceNames) {
  const chosen = new Set(focus.focusForces);
  const centres = cells.map((c) => ({ ...c, ...hexCentre(c.q, c.r, SIZE) }));
  const xs = centres.map((c) => c.x);
  const ys = centres.map((c) => c.y);
  const pad = SIZE + 2;
  const map = svg('svg', {
    class: 'focus-hexes',
    role: 'img',
    'aria-labelledby': 'focus-map-title',
    width: 320,
    viewBox: `${Math.min(...xs) - pad} ${Math.min(...ys) - pad} ${Math.max(...xs) - Math.min(...xs) + 2 * pad} ${Math.max(...ys) - Math.min(...ys) + 2 * pad}`,
  });
  map.append(
    svg(
      'title',
      { id: 'focus-map-title' },
      `Map of the 44 forces; the ${chosen.size} focus forces listed above are filled`,
    ),
  );
  for (const c of centres) {
    const g = svg('g', { class: chosen.has(c.force) ? 'focus' : '' });
    g.append(
      svg(
        'title',
        {},
        `${forceNames.get(c.force) ?? c.force}${chosen.has(c.force) ? ': focus force' : ''}`,
      ),
      svg('polygon', { points: hexPoints(c.x, c.y, SIZE - 1) }),
      svg('text', { x: c.x, y: c.y + 3 }, c.short),
    );
    map.append(g);
  }
  return map;
}

function showFocus(focus, { forceNames, cells }) {
  const rows = focusForceRows(focus, forceNames);
  $('focus-forces').replaceChildren(
    ...(rows.length
      ? rows.map((r) =>
          el(
            'li',
            { className: r.focus ? '' : 'removed', attrs: { 'data-force': r.force } },
            `${r.name} (${r.why})`,
          ),
        )
      : [el('li', {}, 'No focus forces yet: choose focus lines above.')]),
  );
  if (cells) $('focus-map-wrap').replaceChildren(forceMap(cells, focus, forceNames));
  const overrides = (focus.overrides ?? []).map((o) => overrideRow(o, forceNames));
  $('overrides-rows').replaceChildren(
    ...(overrides.length
      ? overrides.map((o) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, o.force),
            cell(o.change),
            cell(o.reason),
            cell(o.by),
            cell(formatDateTime(o.at)),
          ),
        )
      : [el('tr', {}, el('td', { colSpan: 5 }, 'No overrides recorded.'))]),
  );
}

/** Shows the week's focus forces and wires the override form; answers a refresher. */
export async function setupFocusForces(week, { forces, forceNames }) {
  const cells = await request('GET', '/api/v1/force-map')
    .then((r) => r.body.cells)
    .catch(() => null);
  const ctx = { forceNames, cells };
  $('override-force').replaceChildren(
    ...forces.map((f) => new Option(forceNames.get(f.code) ?? f.code, f.code)),
  );
  $('override-focus').replaceChildren(
    new Option('Make it a focus force', 'true'),
    new Option('No longer a focus force', 'false'),
  );
  $('override-reasonCode').replaceChildren(
    ...OVERRIDE_REASONS.map(([code, label]) => new Option(label, code)),
  );
  const form = $('override-form');
  onSubmit(
    form,
    $('override-problem'),
    ({ force, focus, reasonCode, reason }) =>
      request('PUT', `/api/v1/operations/${week.id}/focus-forces/${encodeURIComponent(force)}`, {
        json: { focus: focus === 'true', reasonCode, reason },
      }),
    async () => {
      $('override-result').textContent = 'Override recorded.';
      $('override-reason').value = '';
      await refresh();
    },
  );
  const refresh = async () => {
    const focus = (await request('GET', `/api/v1/operations/${week.id}/focus-lines`)).body;
    showFocus(focus, ctx);
    return focus;
  };
  return refresh;
}
