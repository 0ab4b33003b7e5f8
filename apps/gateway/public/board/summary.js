// The week's printable summary, for ministers and the press office. It leads with what happened
// to the focus lines and their holders, and with safeguarding; forces are ranked by the lines
// they disrupted, not by arrests. Then national and regional figures, tasking completion. The gateway prints this same page to PDF
// and waits for `data-state` on the body to say it is ready (or failed, with the problem).
import { ApiError, api } from '/common/assets/api.js';
import { el } from '/common/assets/dom.js';
import { alert, setTitle, startPage } from '/common/assets/page-shell.js';
import { BOARD_ROLES } from '/common/assets/roles.js';
import { setupDownloads } from './downloads.js';
import { renderSummaryContext } from './summary-context.js';
import {
  focusLinesTable,
  focusTotalsText,
  forceRankingTable,
  loadFocusResults,
  SCORE_NOTE,
} from './focus-results.js';
import {
  DRUG_NAMES,
  formatCash,
  formatCount,
  formatDateTime,
  formatWeight,
  totals,
} from './format.js';

const $ = (id) => document.getElementById(id);
const operationId = location.pathname.match(/^\/board\/([0-9a-f-]{36})\/summary/i)?.[1];
const TOP = 5;

const row = (cells, header = false) =>
  el(
    'tr',
    {},
    ...cells.map((c, i) =>
      el(header || i === 0 ? 'th' : 'td', { textContent: c, className: i ? 'num' : '' }),
    ),
  );
const percent = (part, whole) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');

function nationalRows(n, t) {
  return [
    ['Arrests', formatCount(n.arrests)],
    ['of whom under 18', formatCount(n.arrestsUnder18)],
    ['People charged', formatCount(n.charged)],
    ['Children safeguarded', formatCount(n.safeguardedChildren)],
    ['Adults safeguarded', formatCount(n.safeguardedAdults)],
    ['NRM referrals', formatCount(n.nrmReferrals)],
    ['Cuckooed addresses visited', formatCount(n.cuckooedAddressesVisited)],
    ['Cash seized', formatCash(n.cashPence)],
    [
      'Weapons seized',
      `${formatCount(totals.weapons(n))} (${formatCount(n.weapons.firearm)} firearms, ${formatCount(n.weapons.bladed)} bladed, ${formatCount(n.weapons.other)} other)`,
    ],
    ['Phones seized', formatCount(n.phones)],
    ['Deal lines identified', formatCount(n.lines.identified)],
    ['Deal lines disrupted', formatCount(n.lines.disrupted)],
    [
      'Deal lines closed',
      `${formatCount(totals.linesClosed(n))} (${formatCount(n.lines.closedType1)} type 1, ${formatCount(n.lines.closedType2)} type 2)`,
    ],
    [
      'DDTROs applied / granted',
      `${formatCount(n.lines.ddtroApplied)} / ${formatCount(n.lines.ddtroGranted)}`,
    ],
    [
      'Taskings completed',
      `${formatCount(t.completed)} of ${formatCount(totals.taskings(t))} (${percent(t.completed, totals.taskings(t))})`,
    ],
    ['Taskings overdue', formatCount(t.overdue)],
  ];
}

function topList(title, forces, board, value) {
  const ranked = forces
    .filter((f) => board.forces[f.code] && value(board.forces[f.code]) > 0)
    .sort(
      (a, b) =>
        value(board.forces[b.code]) - value(board.forces[a.code]) || a.name.localeCompare(b.name),
    )
    .slice(0, TOP);
  const list = el(
    'ol',
    {},
    ...ranked.map((f) =>
      el(
        'li',
        {},
        `${f.name}: `,
        el('strong', { textContent: formatCount(value(board.forces[f.code])) }),
      ),
    ),
  );
  const box = el(
    'div',
    {},
    el('h3', { textContent: title }),
    ranked.length ? list : el('p', { textContent: 'None reported.' }),
  );
  box.dataset.top = title;
  return box;
}

async function showSummary({ regions, forces }) {
  if (!operationId)
    throw new ApiError(404, { code: 'not_found', status: 404, detail: 'No week in the address' });
  const [operation, board, focus] = await Promise.all([
    api.get(`/api/v1/operations/${operationId}`),
    api.get(`/api/v1/operations/${operationId}/board`),
    loadFocusResults(operationId),
  ]);
  setTitle(`${operation.name}: week summary`);
  $('subtitle').textContent =
    `${formatDateTime(operation.startsAt)} to ${formatDateTime(operation.endsAt)} · ${board.final ? 'final figures' : 'provisional figures'} as of ${formatDateTime(board.asOf)}`;
  $('back').href = `/board/${operationId}`;
  // Scoped viewers get their own region's (or force's) detail beside the national figures.
  const scoped = Object.keys(board.forces).length < forces.length;
  if (scoped) {
    const regionCodes = Object.keys(board.regions);
    const where = regionCodes.length
      ? regions.find((r) => r.code === regionCodes[0])?.name
      : forces.find((f) => board.forces[f.code])?.name;
    $('subtitle').textContent += ` · national figures, with detail for ${where} only`;
  }

  $('national').replaceChildren(...nationalRows(board.national, board.taskings).map((r) => row(r)));
  $('drugs').replaceChildren(
    row(['Drug', 'Weight', 'Plants', 'Street value'], true),
    ...Object.entries(DRUG_NAMES).map(([d, name]) => {
      const t = board.national.drugs[d];
      return row([name, formatWeight(t.grams), formatCount(t.plants), formatCash(t.valuePence)]);
    }),
  );
  $('regions').replaceChildren(
    row(
      [
        'Region',
        'Arrests',
        'Children',
        'Adults',
        'Cash',
        'Weapons',
        'Lines closed',
        'Taskings done',
      ],
      true,
    ),
    ...regions
      .filter((r) => board.regions[r.code])
      .map((r) => {
        const t = board.regions[r.code];
        const c = board.taskingsByRegion[r.code];
        const tr = row([
          r.name,
          formatCount(t.arrests),
          formatCount(t.safeguardedChildren),
          formatCount(t.safeguardedAdults),
          formatCash(t.cashPence),
          formatCount(totals.weapons(t)),
          formatCount(totals.linesClosed(t)),
          `${formatCount(c.completed)} / ${formatCount(totals.taskings(c))}`,
        ]);
        tr.dataset.region = r.code;
        return tr;
      }),
  );
  $('top').replaceChildren(
    topList('Arrests', forces, board, (t) => t.arrests),
    topList('People safeguarded', forces, board, totals.safeguarded),
    topList('Lines closed', forces, board, totals.linesClosed),
    topList('Cash seized (£)', forces, board, (t) => Math.floor(t.cashPence / 100)),
  );
  const t = board.taskings;
  $('taskings-national').textContent =
    `Nationally ${formatCount(t.completed)} of ${formatCount(totals.taskings(t))} taskings completed (${percent(t.completed, totals.taskings(t))}); ${formatCount(t.declined)} declined; ${formatCount(t.overdue)} overdue.`;
  $('taskings').replaceChildren(
    row(['Region', 'Taskings', 'Completed', 'Completion', 'Overdue'], true),
    ...regions
      .filter((r) => board.taskingsByRegion[r.code])
      .map((r) => {
        const c = board.taskingsByRegion[r.code];
        return row([
          r.name,
          formatCount(totals.taskings(c)),
          formatCount(c.completed),
          percent(c.completed, totals.taskings(c)),
          formatCount(c.overdue),
        ]);
      }),
  );
  renderHandoffs(board, regions);
  renderFocus(focus, new Map(forces.map((f) => [f.code, f.name])));
  const n = board.national;
  $('safeguarding-national').textContent =
    `${formatCount(n.safeguardedChildren)} children and ${formatCount(n.safeguardedAdults)} adults safeguarded; ${formatCount(n.nrmReferrals)} NRM referrals; ${formatCount(n.cuckooedAddressesVisited)} cuckooed addresses visited.`;
  await renderSummaryContext(
    $('week-context'),
    operationId,
    new Map(forces.map((f) => [f.code, f.name])),
  );
  $('summary').hidden = false;
  $('actions').hidden = false;
  $('print').onclick = () => window.print();
  setupDownloads(operationId);
  document.body.dataset.state = 'ready';
}

/** The focus lines and the force ranking; a gateway without results leaves the sections out. */
function renderFocus(focus, forceNames) {
  $('focus-section').hidden = !focus;
  $('ranking-heading').parentElement.hidden = !focus;
  if (!focus) return;
  $('focus-totals').textContent = focusTotalsText(focus);
  $('focus-lines').replaceChildren(
    focus.focusLines.length
      ? focusLinesTable(focus, forceNames, 'Each focus line of the week')
      : '',
  );
  $('focus-ranking').replaceChildren(
    forceRankingTable(focus, forceNames, 'Forces by disruption of focus lines and their holders'),
  );
  $('score-note').textContent = SCORE_NOTE;
}

const handoffsOf = (h) => h.raised + h.acknowledged + h.closed;

/** Hand-offs of the week by where each person's home is: the force (and region) that must act. */
function renderHandoffs(board, regions) {
  const h = board.handoffs;
  $('handoffs-national').textContent =
    `Nationally ${formatCount(handoffsOf(h))} hand-offs of people found away from home: ${formatCount(h.raised)} awaiting acknowledgement by their home force (${formatCount(h.overdue)} overdue), ${formatCount(h.acknowledged)} acknowledged, ${formatCount(h.closed)} closed. By home region:`;
  const line = (name, c) => [
    name,
    formatCount(handoffsOf(c)),
    formatCount(c.raised),
    formatCount(c.acknowledged),
    formatCount(c.closed),
    formatCount(c.overdue),
  ];
  const total = row(line('England and Wales (all forces and BTP)', h));
  total.className = 'total';
  $('handoffs').replaceChildren(
    row(
      ['Home region', 'Hand-offs', 'Awaiting acknowledgement', 'Acknowledged', 'Closed', 'Overdue'],
      true,
    ),
    ...regions
      .filter((r) => board.handoffsByRegion[r.code])
      .map((r) => {
        const tr = row(line(r.name, board.handoffsByRegion[r.code]));
        tr.dataset.region = r.code;
        return tr;
      }),
    total,
  );
}

/** Says why there is no summary, on the page and in `data-problem` for the PDF renderer. */
function fail(e) {
  const problem =
    e instanceof ApiError ? e.problem : { code: 'internal_error', status: 500, detail: String(e) };
  alert(
    e instanceof ApiError && e.status === 401
      ? 'Sign in to see the summary.'
      : `The summary could not be made: ${problem.detail}`,
  );
  document.body.dataset.problem = JSON.stringify({
    status: e.status ?? 500,
    title: 'Summary failed',
    errors: [],
    ...problem,
  });
  document.body.dataset.state = 'failed';
}

async function main() {
  const page = await startPage({
    roles: BOARD_ROLES,
    onSignedIn: () => showSummary(page).catch(fail),
  });
  if (!(await page.resume()))
    fail(new ApiError(401, { code: 'unauthorized', status: 401, detail: 'Not signed in' }));
}

main().catch(fail);
