// A force's monthly return: pick force and month, upload the CSV, read the change report.
import { ApiError, request } from '/common/assets/api.js';
import { byId as el, cell } from '/common/assets/dom.js';
import { showFieldErrors } from '/common/assets/field-errors.js';
import { failed, startPage } from '/common/assets/page-shell.js';
import { REPORTING_ROLES } from '/common/assets/roles.js';

const COLUMNS =
  'brand, exportingForce, importingForces, numbers, replacedNumbers, holderRefs, childrenExploited, weapons, violence, cuckooing, status, closureType, lastIntelligenceAt';

async function main() {
  const page = await startPage({
    roles: REPORTING_ROLES,
    onSignedIn: (me) => showUpload(me, page),
  });
  await page.resume();
}

function showUpload(me, { forceNames }) {
  const forceName = (code) => forceNames.get(code) ?? code;
  el('columns').textContent = COLUMNS;
  el('return-force').replaceChildren(
    ...me.forces.map((code) =>
      Object.assign(document.createElement('option'), { value: code, text: forceName(code) }),
    ),
  );
  const month = el('return-month');
  if (!month.value) month.value = new Date().toISOString().slice(0, 7);
  const form = el('return-form');

  form.onsubmit = async (e) => {
    e.preventDefault();
    const errors = [];
    const file = el('return-file').files[0];
    if (!file) errors.push({ field: 'file', message: 'Choose a CSV file' });
    if (!/^\d{4}-\d{2}$/.test(month.value))
      errors.push({ field: 'month', message: 'Enter a month as yyyy-mm' });
    showFieldErrors(form, errors);
    el('return-problem').hidden = true;
    if (errors.length) return;
    el('return-upload').disabled = true;
    try {
      const { body } = await request(
        'POST',
        `/api/v1/forces/${el('return-force').value}/returns/${month.value}`,
        {
          text: await file.text(),
          contentType: 'text/csv',
        },
      );
      showReport(body);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      el('report').hidden = true;
      el('return-problem').hidden = false;
      el('return-problem-detail').textContent = err.problem.detail;
      el('return-problem-list').replaceChildren(
        ...err.problem.errors.map((x) =>
          Object.assign(document.createElement('li'), { textContent: `${x.field}: ${x.message}` }),
        ),
      );
      el('return-problem').focus();
    } finally {
      el('return-upload').disabled = false;
    }
  };
}

main().catch(failed);

function showReport(r) {
  el('report').hidden = false;
  const c = r.counts;
  el('report-totals').textContent = r.replayed
    ? `This file was uploaded before for this force and month: nothing changed. ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected.`
    : `${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected, ${c.notSeen} not seen this month.`;
  el('changes-rows').replaceChildren(
    ...r.changes.map((ch) => {
      const tr = document.createElement('tr');
      tr.append(
        cell(String(ch.row)),
        cell(ch.brand),
        cell(ch.change),
        cell((ch.fields ?? []).join(', ')),
      );
      return tr;
    }),
  );
  el('rejected-wrap').hidden = r.rejected.length === 0;
  el('rejected-rows').replaceChildren(
    ...r.rejected.flatMap((row) =>
      row.errors.map((x) => {
        const tr = document.createElement('tr');
        tr.append(cell(String(row.row)), cell(String(row.line)), cell(x.field), cell(x.message));
        return tr;
      }),
    ),
  );
  el('not-seen').replaceChildren(
    ...(r.notSeenThisMonth.length
      ? r.notSeenThisMonth.map((l) => `${l.brand} (${l.status})`)
      : ['None']
    ).map((t) => Object.assign(document.createElement('li'), { textContent: t })),
  );
  el('report-heading').focus();
}
