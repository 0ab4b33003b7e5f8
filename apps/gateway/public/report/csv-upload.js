// Step 5: a whole return as CSV. Good rows are kept even when others are refused, so the result
// lists exactly which rows (and lines of the file) to fix and send again.
import { ApiError, request } from '/common/assets/api.js';
import { hideSummary, showFieldErrors, showSummary } from '/common/assets/field-errors.js';
import { DRUGS } from './validation.js';

export const CSV_COLUMNS = [
  'idempotencyKey',
  'type',
  'force',
  'occurredAt',
  'lineId',
  'taskingId',
  'note',
  'count',
  'under18',
  'charged',
  'cashPence',
  'phones',
  ...DRUGS.flatMap((d) => [`${d}_grams`, `${d}_plants`, `${d}_value_pence`]),
  'weapons_firearm',
  'weapons_bladed',
  'weapons_other',
  'children',
  'adults',
  'nrmReferrals',
  'cuckooedAddressesVisited',
  'action',
  'ddtroApplied',
  'ddtroGranted',
];

const cell = (tag, text, props = {}) =>
  Object.assign(document.createElement(tag), { textContent: String(text), ...props });

export function createCsvUpload({ onImported }) {
  const el = (id) => document.getElementById(id);
  const form = el('csv-form');
  const file = el('csv-file');
  const summary = el('csv-problem');
  const totals = el('csv-result');
  const rejected = el('csv-rejected-rows');
  let week = null;

  el('csv-template').href = URL.createObjectURL(
    new Blob([`${CSV_COLUMNS.join(',')}\r\n`], { type: 'text/csv' }),
  );

  function showResult(result) {
    const n = result.rejected.length;
    totals.textContent =
      `Imported: ${result.accepted} accepted, ${result.duplicates} already received (not counted again), ` +
      `${n} ${n === 1 ? 'row' : 'rows'} rejected.`;
    rejected.replaceChildren(
      ...result.rejected.flatMap((r) =>
        r.errors.map((e) => {
          const tr = document.createElement('tr');
          tr.append(
            cell('th', r.row, { scope: 'row' }),
            cell('td', r.line),
            cell('td', e.field),
            cell('td', e.message),
          );
          return tr;
        }),
      ),
    );
    el('csv-rejected-wrap').hidden = n === 0;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    hideSummary(summary);
    totals.textContent = '';
    el('csv-rejected-wrap').hidden = true;
    const chosen = file.files[0];
    if (!chosen) {
      showFieldErrors(form, [{ field: 'file', message: 'Choose a CSV file to upload' }]);
      file.focus();
      return;
    }
    showFieldErrors(form, []);
    el('csv-button').disabled = true;
    totals.textContent = `Uploading ${chosen.name}…`;
    try {
      const res = await request(
        'POST',
        `/api/v1/operations/${encodeURIComponent(week.id)}/outcomes/import`,
        {
          text: await chosen.text(),
          contentType: 'text/csv',
        },
      );
      showResult(res.body);
      onImported();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      totals.textContent = '';
      showSummary(summary, { ...err.problem, title: 'The file was not imported' }, form);
    } finally {
      el('csv-button').disabled = week.status === 'closed';
    }
  });

  return {
    setContext(nextWeek) {
      week = nextWeek;
      file.disabled = week.status === 'closed';
      el('csv-button').disabled = week.status === 'closed';
      hideSummary(summary);
      totals.textContent = '';
      el('csv-rejected-wrap').hidden = true;
    },
  };
}
