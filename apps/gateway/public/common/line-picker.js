// Picks a county line by brand, never by id: the user types part of a brand, the page lists the
// register lines in the user's scope that match (brand, exporting force, status) in a select,
// and the chosen line's id is what a form sends. Shared by the reporting and taskings pages.
import { request } from './api.js';
import { UUID } from './ids.js';

// The register's line list is person-level data: its reads say why, and this is why.
const PURPOSE = 'Choosing the line a report or tasking concerns';
const HEADERS = { headers: { 'x-purpose': PURPOSE } };
const option = (value, text) => Object.assign(document.createElement('option'), { value, text });

let forceNames;
function namesOfForces() {
  forceNames ??= request('GET', '/api/v1/forces')
    .then((r) => new Map(r.body.map((f) => [f.code, f.name])))
    .catch(() => new Map());
  return forceNames;
}

const labels = new Map();

async function labelOf(line) {
  const names = await namesOfForces();
  const status = line.status === 'active' ? '' : ` (${line.status})`;
  return `${line.brand}, exporting from ${names.get(line.exportingForce) ?? line.exportingForce}${status}`;
}

/** A line's brand and exporting force for display, looked up once per page. */
export function lineLabel(id) {
  if (!UUID.test(id ?? '')) return Promise.resolve('an old line reference');
  if (!labels.has(id))
    labels.set(
      id,
      request('GET', `/api/v1/lines/${encodeURIComponent(id)}`, HEADERS)
        .then((r) => labelOf(r.body))
        .catch(() => 'a line outside your scope'),
    );
  return labels.get(id);
}

/**
 * Wires a search box, a select (the form's `lineId` control) and a status line. Enter in the
 * search box searches at once and moves to the select; typing searches after a short pause.
 */
export function createLinePicker({ search, select, status }) {
  let asked = 0;
  let timer;

  async function render(lines, chosen = select.value) {
    const options = [option('', 'No line')];
    for (const l of lines) options.push(option(l.id, await labelOf(l)));
    if (chosen && !lines.some((l) => l.id === chosen))
      options.push(option(chosen, await lineLabel(chosen)));
    select.replaceChildren(...options);
    select.value = chosen;
  }

  async function find(q) {
    const n = ++asked;
    if (!q) {
      status.textContent = '';
      return render([]);
    }
    status.textContent = 'Searching…';
    try {
      const res = await request(
        'GET',
        `/api/v1/lines?q=${encodeURIComponent(q)}&limit=20`,
        HEADERS,
      );
      if (n !== asked) return;
      const lines = res.body.items;
      for (const l of lines) labels.set(l.id, labelOf(l));
      await render(lines);
      status.textContent = lines.length
        ? `${lines.length} ${lines.length === 1 ? 'line matches' : 'lines match'}: choose one under Line.`
        : 'No line in your scope matches that brand.';
    } catch (e) {
      if (n === asked) status.textContent = `Lines could not be searched: ${e.message}`;
    }
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void find(search.value.trim()), 250);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    clearTimeout(timer);
    void find(search.value.trim()).then(() => select.focus());
  });
  void render([], '');

  return {
    /** Shows the line a stored body names (an old free-text reference shows as none). */
    async show(id) {
      search.value = '';
      status.textContent = '';
      await render([], UUID.test(id ?? '') ? id : '');
    },
    clear() {
      search.value = '';
      status.textContent = '';
      void render([], '');
    },
  };
}
