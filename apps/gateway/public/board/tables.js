// The region table and the sortable force table. Headers are buttons (keyboard sortable) and
// say their order with aria-sort; a selected force narrows the force table to its row.
import { el } from '/common/assets/dom.js';
import { formatCash, formatCount, totals } from './format.js';

const COLUMNS = [
  { key: 'arrests', label: 'Arrests', value: (t) => t.arrests },
  {
    key: 'children',
    label: 'Children safeguarded',
    short: 'Children',
    value: (t) => t.safeguardedChildren,
  },
  {
    key: 'adults',
    label: 'Adults safeguarded',
    short: 'Adults',
    value: (t) => t.safeguardedAdults,
  },
  {
    key: 'cuckooed',
    label: 'Cuckooed addresses visited',
    short: 'Cuckooed',
    value: (t) => t.cuckooedAddressesVisited,
  },
  { key: 'cash', label: 'Cash', value: (t) => t.cashPence, text: formatCash },
  { key: 'phones', label: 'Phones seized', short: 'Phones', value: (t) => t.phones },
  { key: 'weapons', label: 'Weapons', value: (t) => totals.weapons(t) },
  { key: 'linesClosed', label: 'Lines closed', value: (t) => totals.linesClosed(t) },
  {
    key: 'ddtroApplied',
    label: 'DDTROs applied for',
    short: 'DDTROs applied',
    value: (t) => t.lines.ddtroApplied,
  },
  {
    key: 'ddtroGranted',
    label: 'DDTROs granted',
    short: 'DDTROs granted',
    value: (t) => t.lines.ddtroGranted,
  },
  {
    key: 'taskingsDone',
    label: 'Taskings done',
    value: (t, c) => c.completed,
    text: (v, t, c) => `${formatCount(v)} / ${formatCount(totals.taskings(c))}`,
  },
  { key: 'overdue', label: 'Overdue taskings', short: 'Overdue', value: (t, c) => c.overdue },
  {
    key: 'handoffsRaised',
    label: 'Hand-offs awaiting acknowledgement at the home force',
    short: 'Hand-offs waiting',
    value: (t, c, h) => h.raised,
  },
  {
    key: 'handoffsOverdue',
    label: 'Hand-offs overdue at the home force',
    short: 'Hand-offs overdue',
    value: (t, c, h) => h.overdue,
  },
  {
    key: 'handoffsClosed',
    label: 'Hand-offs closed at the home force',
    short: 'Hand-offs closed',
    value: (t, c, h) => h.closed,
  },
];

const NO_HANDOFFS = { raised: 0, acknowledged: 0, closed: 0, overdue: 0 };

function cells(tally, counts, handoffs = NO_HANDOFFS) {
  return COLUMNS.map((col) => {
    const v = col.value(tally, counts, handoffs);
    const td = el('td', {
      className: 'num',
      textContent: col.text ? col.text(v, tally, counts) : formatCount(v),
    });
    td.dataset.column = col.key;
    td.dataset.value = String(v);
    return td;
  });
}

export function renderRegionTable({ board, regions, selectedRegion }) {
  // Short headings keep the table narrow beside the map; the full name is the title.
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', textContent: 'Region' }),
    ...COLUMNS.map((c) =>
      el('th', { scope: 'col', textContent: c.short ?? c.label, title: c.label }),
    ),
  );
  const rows = regions
    .filter((r) => board.regions[r.code])
    .map((r) => {
      const row = el(
        'tr',
        {},
        el('th', { scope: 'row', textContent: r.name }),
        ...cells(
          board.regions[r.code],
          board.taskingsByRegion[r.code],
          board.handoffsByRegion[r.code],
        ),
      );
      row.dataset.region = r.code;
      row.classList.toggle('selected', r.code === selectedRegion);
      return row;
    });
  const national = el(
    'tr',
    { className: 'total' },
    el('th', { scope: 'row', textContent: 'England and Wales (all forces and BTP)' }),
    ...cells(board.national, board.taskings, board.handoffs),
  );
  document
    .getElementById('region-table')
    .replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows), el('tfoot', {}, national));
}

/** A force table that keeps its sort order across live updates. */
export function createForceTable({ forces, regionNames, onSelect }) {
  const table = document.getElementById('force-table');
  let sort = { key: 'name', dir: 1 };
  let last;

  const FORCE_COLUMNS = [
    { key: 'name', label: 'Force', value: (f) => f.name },
    {
      key: 'region',
      label: 'Region',
      value: (f) => (f.region ? regionNames.get(f.region) : 'National'),
    },
  ];

  function header(col) {
    const th = el('th', { scope: 'col' });
    const button = el('button', { type: 'button', className: 'sort', textContent: col.label });
    button.addEventListener('click', () => {
      sort = {
        key: col.key,
        dir: sort.key === col.key ? -sort.dir : col.key === 'name' || col.key === 'region' ? 1 : -1,
      };
      render(last);
      table.querySelector(`th button[data-key="${col.key}"]`)?.focus();
    });
    button.dataset.key = col.key;
    if (sort.key === col.key)
      th.setAttribute('aria-sort', sort.dir === 1 ? 'ascending' : 'descending');
    th.append(button);
    return th;
  }

  function sortValue(f, board) {
    const named = FORCE_COLUMNS.find((c) => c.key === sort.key);
    if (named) return named.value(f);
    return COLUMNS.find((c) => c.key === sort.key).value(
      board.forces[f.code],
      board.taskingsByForce[f.code],
      board.handoffsByForce[f.code] ?? NO_HANDOFFS,
    );
  }

  function render(view) {
    last = view;
    const { board, selected, focus } = view;
    const shown = forces
      .filter((f) => board.forces[f.code] && (!selected || f.code === selected))
      .sort((a, b) => {
        const [x, y] = [sortValue(a, board), sortValue(b, board)];
        const order = typeof x === 'string' ? x.localeCompare(y) : x - y;
        return order * sort.dir || a.name.localeCompare(b.name);
      });
    const head = el('tr', {}, ...[...FORCE_COLUMNS, ...COLUMNS].map(header));
    const rows = shown.map((f) => {
      const name = el('button', { type: 'button', className: 'link', textContent: f.name });
      name.addEventListener('click', () => onSelect(f.code));
      const th = el('th', { scope: 'row' }, name);
      if (focus.has(f.code)) th.append(el('span', { className: 'tag', textContent: 'focus' }));
      const row = el(
        'tr',
        {},
        th,
        el('td', { textContent: FORCE_COLUMNS[1].value(f) }),
        ...cells(
          board.forces[f.code],
          board.taskingsByForce[f.code],
          board.handoffsByForce[f.code],
        ),
      );
      row.dataset.force = f.code;
      return row;
    });
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  }

  return { render };
}
