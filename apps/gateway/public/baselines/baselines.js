// Baselines: a force's business-as-usual figures per ISO week. Report one week in a form (the
// server's field errors shown beside their fields), see the force's sixteen weeks up to it, or
// upload a CSV of many weeks with a per-row result.
import { ApiError, api, request } from '/common/assets/api.js';
import { cell, el } from '/common/assets/dom.js';
import { showFieldErrors, showSummary } from '/common/assets/field-errors.js';
import { field } from '/common/assets/markup.js';
import { failed, startPage } from '/common/assets/page-shell.js';
import { REPORTING_ROLES } from '/common/assets/roles.js';

const $ = (id) => document.getElementById(id);

/** The figures in the order the API lists them, as a person reads them. */
export const FIGURES = [
  ['arrests', 'Arrests'],
  ['arrestsUnder18', 'of whom under 18'],
  ['charged', 'People charged'],
  ['cashPence', 'Cash seized (pence)'],
  ['drugsGrams', 'Drugs seized (grams)'],
  ['weapons', 'Weapons seized'],
  ['phones', 'Phones seized'],
  ['safeguardedChildren', 'Children safeguarded'],
  ['safeguardedAdults', 'Adults safeguarded'],
  ['nrmReferrals', 'NRM referrals'],
  ['cuckooedAddressesVisited', 'Cuckooed addresses visited'],
  ['linesIdentified', 'Lines identified'],
  ['linesDisrupted', 'Lines disrupted'],
  ['linesClosed', 'Lines closed'],
  ['ddtroApplied', 'DDTROs applied for'],
  ['ddtroGranted', 'DDTROs granted'],
];

/** The form's figures as a body: blanks left out (0), whole numbers as numbers, the rest as typed. */
export function figuresBody(values) {
  const body = {};
  for (const [name] of FIGURES) {
    const v = (values[name] ?? '').trim();
    if (v !== '') body[name] = /^\d+$/.test(v) ? Number(v) : v;
  }
  return body;
}

/** This ISO week, as `<input type="week">` writes it. */
function currentWeek() {
  const d = new Date();
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * 86_400_000;
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  const n = Math.floor((thursday - week1) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

function show({ forces, forceNames }) {
  const form = $('baseline-form');
  $('figure-fields').replaceChildren(
    ...FIGURES.map(([name, label]) => {
      const input = el('input', { id: `b-${name}`, name, className: 'short' });
      input.setAttribute('inputmode', 'numeric');
      return field(name, label, input);
    }),
  );
  $('csv-columns').textContent = ['force', 'isoWeek', ...FIGURES.map(([n]) => n)].join(', ');
  $('b-force').replaceChildren(...forces.map((code) => new Option(forceNames.get(code), code)));
  if (!$('b-isoWeek').value) $('b-isoWeek').value = currentWeek();
  $('history-head').replaceChildren(
    el(
      'tr',
      {},
      el('th', { scope: 'col', textContent: 'Week' }),
      el('th', { scope: 'col', textContent: 'Version' }),
      ...FIGURES.map(([, label]) => el('th', { scope: 'col', textContent: label })),
    ),
  );

  const loadHistory = async () => {
    const force = $('b-force').value;
    const week = $('b-isoWeek').value;
    if (!/^\d{4}-W\d{2}$/.test(week)) return;
    const list = await api.get(`/api/v1/forces/${force}/baselines?to=${week}`);
    $('history-caption').textContent =
      `${forceNames.get(force)}: weeks ${list.from} to ${list.to} reported`;
    $('history-body').replaceChildren(
      ...(list.items.length
        ? list.items.map((b) =>
            el(
              'tr',
              { attrs: { 'data-week': b.isoWeek } },
              el('th', { scope: 'row', textContent: b.isoWeek }),
              cell(String(b.version)),
              ...FIGURES.map(([name]) => cell(String(b.figures[name]))),
            ),
          )
        : [
            el(
              'tr',
              {},
              el('td', { colSpan: FIGURES.length + 2, textContent: 'No weeks reported yet.' }),
            ),
          ]),
    );
  };
  $('b-force').onchange = () => loadHistory().catch(failed);
  $('b-isoWeek').onchange = () => loadHistory().catch(failed);

  form.onsubmit = async (e) => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const problem = $('baseline-problem');
    problem.hidden = true;
    $('baseline-result').textContent = '';
    $('baseline-save').disabled = true;
    try {
      const force = encodeURIComponent(values.force);
      const week = encodeURIComponent(values.isoWeek || '-');
      const { status, body } = await request('PUT', `/api/v1/forces/${force}/baselines/${week}`, {
        json: figuresBody(values),
      });
      showFieldErrors(form, []);
      $('baseline-result').textContent =
        status === 201
          ? `Saved ${body.isoWeek} for ${forceNames.get(body.force)}.`
          : `Saved ${body.isoWeek} for ${forceNames.get(body.force)}: version ${body.version}.`;
      await loadHistory();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showFieldErrors(form, err.problem.errors ?? []);
      showSummary(problem, err.problem, form);
      problem.hidden = false;
      problem.focus();
    } finally {
      $('baseline-save').disabled = false;
    }
  };

  $('upload-form').onsubmit = async (e) => {
    e.preventDefault();
    const file = $('upload-file').files[0];
    showFieldErrors(
      $('upload-form'),
      file ? [] : [{ field: 'file', message: 'Choose a CSV file' }],
    );
    $('upload-problem').hidden = true;
    if (!file) return;
    try {
      const { body } = await request('POST', '/api/v1/baselines/import', {
        text: await file.text(),
        contentType: 'text/csv',
      });
      $('upload-result').textContent =
        `${body.accepted} weeks saved, ${body.duplicates} unchanged, ${body.rejected.length} rows rejected.`;
      $('upload-rejected-wrap').hidden = body.rejected.length === 0;
      $('upload-rejected-rows').replaceChildren(
        ...body.rejected.flatMap((r) =>
          r.errors.map((x) =>
            el('tr', {}, cell(String(r.row)), cell(String(r.line)), cell(x.field), cell(x.message)),
          ),
        ),
      );
      await loadHistory();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showSummary($('upload-problem'), err.problem, $('upload-form'));
      $('upload-problem').hidden = false;
      $('upload-problem').focus();
    }
  };
  return loadHistory();
}

async function main() {
  const page = await startPage({
    roles: REPORTING_ROLES,
    onSignedIn: (me) => show({ forces: me.forces, forceNames: page.forceNames }),
  });
  await page.resume();
}

main().catch(failed);
