// The live board: signs the viewer in, then shows one week's figures, map, taskings and
// timeline, kept current by the board stream. All figures come from the API as they are.
import { ApiError, api, renewSignIn, session } from '/common/assets/api.js';
import { failed, setTitle, startPage } from '/common/assets/page-shell.js';
import { BOARD_ROLES } from '/common/assets/roles.js';
import { openBoardStream } from './board-stream.js';
import { refreshDdtroStats } from './ddtro-stats.js';
import { setupDownloads } from './downloads.js';
import { renderFigures, renderTaskings } from './figures.js';
import { createFocusMap } from './focus-map.js';
import { createFocusResults } from './focus-results.js';
import { el } from '/common/assets/dom.js';
import { formatDateTime, formatTime } from './format.js';
import { availableMeasures, focusForces } from './map-model.js';
import { createForceTable, renderRegionTable } from './tables.js';
import { createSeenMarks } from './seen.js';
import { renderTimeline } from './timeline.js';
import { setupWallLayout } from './wall.js';
import { createWeekContext } from './week-context.js';

const $ = (id) => document.getElementById(id);
const operationId = location.pathname.match(/^\/board\/([0-9a-f-]{36})/i)?.[1];
/** Timeline and focus map are re-read after board changes, at most this often. */
const REFRESH_MS = 2000;
/** The map measure the hand-offs button switches to. */
const HANDOFFS_MEASURE = 'handoffsOverdue';

/** The region a viewer is limited to (a scoped commander, a region, a force's region). */
function scopeRegionOf(me, forces) {
  if (me.region) return me.region;
  if (me.force) return forces.find((f) => f.code === me.force)?.region ?? null;
  return null;
}

/** `GET /focus-map` comes with the lines register; until then (404) the map does without. */
async function loadFocusMap() {
  try {
    return await api.get(`/api/v1/operations/${operationId}/focus-map`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

async function showWeeks() {
  const weeks = await api.get('/api/v1/operations');
  $('weeks').hidden = false;
  $('week-list').replaceChildren(
    ...weeks.map((w) =>
      el(
        'li',
        {},
        el('a', { href: `/board/${w.id}`, textContent: w.name }),
        ` (${formatDateTime(w.startsAt)} to ${formatDateTime(w.endsAt)}, ${w.status})`,
      ),
    ),
  );
  if (!weeks.length) $('week-list').replaceChildren(el('li', { textContent: 'No weeks yet.' }));
}

async function showBoard({ me, regions, forces, forceMap }) {
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));
  const forceNames = new Map(forces.map((f) => [f.code, f.name]));
  const operation = await api.get(`/api/v1/operations/${operationId}`);
  setTitle(operation.name, `${operation.name} – live board`);
  $('summary-link').href = `/board/${operationId}/summary`;
  $('attribution').textContent = forceMap.attribution;
  setupDownloads(operationId);

  const scopeRegion = scopeRegionOf(me, forces);
  $('map-scope').textContent = scopeRegion
    ? `Your region, ${regionNames.get(scopeRegion)}, is highlighted; forces outside your scope show no figures.`
    : '';
  const state = { board: null, focusMap: await loadFocusMap(), measure: 'arrests', selected: null };
  const measures = $('measure');
  const fillMeasures = () => {
    const offered = availableMeasures(state.focusMap);
    if (!offered.some((m) => m.id === state.measure)) state.measure = offered[0].id;
    measures.replaceChildren(...offered.map((m) => new Option(m.label, m.id)));
    measures.value = state.measure;
    $('lines-note').hidden = Boolean(state.focusMap);
  };
  const handoffsToggle = $('handoffs-toggle');
  let before = state.measure;
  const colourBy = (measure) => {
    if (measure !== HANDOFFS_MEASURE) before = measure;
    state.measure = measure;
    measures.value = measure;
    handoffsToggle.setAttribute('aria-pressed', String(measure === HANDOFFS_MEASURE));
    render();
  };
  fillMeasures();
  measures.onchange = () => colourBy(measures.value);
  // One press shows where hand-offs wait too long; a second goes back to the measure before.
  handoffsToggle.onclick = () => {
    if (state.measure !== HANDOFFS_MEASURE) return colourBy(HANDOFFS_MEASURE);
    const offered = availableMeasures(state.focusMap).some((m) => m.id === before);
    colourBy(offered ? before : 'arrests');
  };

  const select = (force) => {
    // A force beyond the viewer's scope has no figures to filter to.
    if (force !== state.selected && !state.board?.forces[force]) return;
    state.selected = state.selected === force ? null : force;
    render();
    void refreshTimeline();
  };
  const map = createFocusMap({ cells: forceMap.cells, regionNames, onSelect: select });
  const forceTable = createForceTable({ forces, regionNames, onSelect: select });
  const focusResults = createFocusResults({ operationId, forceNames });
  const context = createWeekContext({ container: $('week-context'), operationId, forceNames });
  const seenMarks = createSeenMarks({ sub: me.sub, operationId });
  $('clear-filter').onclick = () => select(state.selected);
  setupWallLayout($('wall-toggle'));

  // Live figures can be held still (WCAG 2.2.2): pushes wait until the viewer resumes.
  let paused = false;
  let waiting = null;
  $('pause-live').onclick = () => {
    paused = !paused;
    $('pause-live').setAttribute('aria-pressed', String(paused));
    $('paused-note').hidden = !paused;
    $('paused-note').textContent = paused
      ? 'Live updates paused: the figures stay as they are until you press Pause live updates again.'
      : '';
    if (!paused && waiting) show(waiting);
    waiting = null;
  };
  function show(board) {
    state.board = board;
    render();
    scheduleRefresh();
  }

  function render() {
    const { board, selected } = state;
    if (!board) return;
    $('board').hidden = false;
    $('freshness').hidden = false;
    $('as-of').textContent = formatTime(board.asOf);
    $('as-of').dateTime = board.asOf;
    $('final-flag').textContent = board.final ? '· final figures' : '· provisional';
    const focus = focusForces(state.focusMap, operation);
    renderFigures(board);
    seenMarks.update();
    const counts = selected ? board.taskingsByForce[selected] : board.taskings;
    const overdue = board.overdueTaskings.filter((t) => !selected || t.force === selected);
    renderTaskings(counts ?? board.taskings, overdue, forceNames);
    map.update({ ...state, operation, scopeRegion });
    const selectedRegion = selected ? forces.find((f) => f.code === selected)?.region : null;
    renderRegionTable({ board, regions, selectedRegion });
    forceTable.render({ board, selected, focus });
    $('filter-bar').hidden = !selected;
    $('filter-name').textContent = selected ? forceNames.get(selected) : '';
  }

  async function refreshTimeline() {
    const query = state.selected ? `?force=${state.selected}` : '';
    try {
      const timeline = await api.get(`/api/v1/operations/${operationId}/board/timeline${query}`);
      renderTimeline({ timeline, operation, scopeName: forceNames.get(state.selected) });
    } catch (e) {
      // A force outside the viewer's scope has no timeline; the national one stays.
      if (!(e instanceof ApiError) || e.status !== 403) throw e;
    }
  }

  let refreshTimer;
  let lastRefresh = 0;
  function scheduleRefresh() {
    if (refreshTimer) return;
    const wait = Math.max(0, lastRefresh + REFRESH_MS - Date.now());
    refreshTimer = setTimeout(async () => {
      refreshTimer = undefined;
      lastRefresh = Date.now();
      const before = Boolean(state.focusMap);
      state.focusMap = await loadFocusMap().catch(() => state.focusMap);
      if (before !== Boolean(state.focusMap)) fillMeasures();
      await refreshTimeline().catch(() => undefined);
      await focusResults.refresh();
      await context.refresh();
      await refreshDdtroStats().catch(() => undefined);
      render();
    }, wait);
  }

  const stream = openBoardStream({
    operationId,
    token: () => session.token(),
    renewToken: renewSignIn,
    serverEvents: async () =>
      (await api.get(`/api/v1/operations/${operationId}/board`)).eventsApplied,
    onBoard(board) {
      if (!paused) return show(board);
      waiting = board;
      $('paused-note').textContent =
        'Live updates paused: newer figures are waiting. Press Pause live updates again to see them.';
    },
    onState(live, since) {
      const status = $('stream-status');
      status.dataset.state = live;
      status.textContent = STREAM_STATES[live];
      document.body.classList.toggle('stale', live === 'stale');
      $('stale-warning').hidden = live !== 'stale';
      $('stale-warning').textContent =
        live === 'stale'
          ? `Live updates stopped at ${formatTime(since.toISOString())}. The figures shown may be out of date; reconnecting automatically.`
          : '';
    },
  });
  return () => stream.close();
}

const STREAM_STATES = {
  live: 'Live',
  stale: 'Reconnecting…',
  paused: 'Paused until you sign in again',
};

async function main() {
  let stop = null;
  const page = await startPage({
    roles: BOARD_ROLES,
    signInHeading: 'Sign in to watch a week',
    async onSignedIn(me) {
      // The board's parts are built once: signing in again after signing out starts afresh.
      if (stop) return location.reload();
      stop = () => {};
      if (!operationId) return showWeeks();
      const forceMap = await api.get('/api/v1/force-map');
      stop = await showBoard({ me, ...page, forceMap });
    },
    onSignedOut: () => stop?.(),
  });
  await page.resume();
}

main().catch(failed);
