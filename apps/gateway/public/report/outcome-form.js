// The report form: one fieldset per outcome type, validated as the user types, sent with an
// Idempotency-Key that is reused only when the same unchanged form is sent again after a
// failure that may not have reached the server, so a retry is never counted twice.
import { ApiError, api, request } from '/common/assets/api.js';
import { readDrugRows, renderDrugRows } from './drug-rows.js';
import { hideSummary, showFieldErrors, showSummary } from '/common/assets/field-errors.js';
import {
  formatDateTime,
  formatPence,
  isoToLocalInput,
  penceToPounds,
  poundsToPence,
} from '/common/assets/units.js';
import { createLinePicker } from '/common/assets/line-picker.js';
import { handoffLink } from './handoff-link.js';
import { NOTE_MAX, readOutcome, SAFEGUARDING, WEAPONS } from './validation.js';

const TYPE_NAMES = {
  arrest: 'arrest',
  seizure: 'seizure',
  safeguarding: 'safeguarding',
  line: 'deal line',
};
const COUNT_FIELDS = [
  'count',
  'under18',
  'charged',
  'phones',
  ...SAFEGUARDING,
  'ddtroApplied',
  'ddtroGranted',
];

/** Titles for refusals a user can act on; other problems show the server's own title. */
const PROBLEM_TITLES = {
  forbidden_scope: 'You may not report for this force',
  operation_closed: 'This week is closed: its figures are final',
  outcome_retracted: 'This outcome was retracted and can no longer be corrected',
  idempotency_conflict: 'This report was already sent with different figures',
};

export function problemTitle(problem) {
  return PROBLEM_TITLES[problem.code] ?? problem.title ?? 'There is a problem';
}

export function createOutcomeForm({ onSaved }) {
  const form = document.getElementById('outcome-form');
  const el = (id) => document.getElementById(id);
  const summary = el('form-summary');
  const drugRows = el('drug-rows');
  const input = (name) => form.elements.namedItem(name);
  let week = null;
  let force = null;
  let correcting = null;
  /** The tasking a new report answers (from a taskings page link), until unlinked. */
  let tasking = null;
  let attempt = null;
  let touched = new Set();
  let showAll = false;
  const linePicker = createLinePicker({
    search: el('f-lineSearch'),
    select: input('lineId'),
    status: el('f-lineSearch-status'),
  });

  const type = () => form.elements.namedItem('type').value;

  function showType(t) {
    for (const fs of form.querySelectorAll('fieldset[data-type]')) {
      fs.hidden = fs.dataset.type !== t;
      fs.disabled = fs.hidden;
    }
  }

  function readForm() {
    const raw = {
      type: type(),
      force,
      occurredAt: input('occurredAt').value,
      lineId: input('lineId').value,
      note: input('note').value,
      cashPounds: input('cashPounds').value,
      action: input('action').value,
      drugs: readDrugRows(drugRows),
      weapons: Object.fromEntries(WEAPONS.map((w) => [w, input(`weapons.${w}`).value])),
    };
    for (const f of COUNT_FIELDS) raw[f] = input(f).value;
    if (correcting) {
      raw.originalOccurredAt = correcting.current.occurredAt;
      raw.taskingId = correcting.current.taskingId;
    } else if (tasking) raw.taskingId = tasking;
    return raw;
  }

  /** Re-checks the whole form; errors show only on fields the user has been to, until a submit. */
  function check() {
    const result = readOutcome(readForm(), week, Date.now());
    showFieldErrors(form, result.errors, showAll ? null : touched);
    const cash = poundsToPence(input('cashPounds').value);
    el('f-cashPence-pence').textContent =
      cash === null || !input('cashPounds').value.trim()
        ? ''
        : `${formatPence(cash)} = ${cash} pence`;
    const left = NOTE_MAX - input('note').value.length;
    el('f-note-count').textContent =
      left >= 0 ? `${left} characters left` : `${-left} characters too many`;
    return result;
  }

  function clear() {
    for (const c of form.querySelectorAll('input:not([type=radio]), textarea')) c.value = '';
    input('action').value = '';
    linePicker.clear();
    renderDrugRows(drugRows, []);
    touched = new Set();
    showAll = false;
    attempt = null;
    hideSummary(summary);
    check();
  }

  function fill(body) {
    form.querySelector(`input[name=type][value="${body.type}"]`).checked = true;
    showType(body.type);
    const set = (name, v) => (input(name).value = v === undefined || v === null ? '' : String(v));
    set('occurredAt', isoToLocalInput(body.occurredAt));
    void linePicker.show(body.lineId).then(check);
    set('note', body.note);
    for (const f of COUNT_FIELDS) set(f, body[f]);
    set('action', body.action);
    if (body.type === 'seizure') {
      set('cashPounds', body.cashPence ? penceToPounds(body.cashPence) : '');
      for (const w of WEAPONS) set(`weapons.${w}`, body.weapons[w]);
      renderDrugRows(
        drugRows,
        body.drugs.map((d) => ({
          drug: d.drug,
          grams: d.grams ? String(d.grams) : '',
          plants: d.plants ? String(d.plants) : '',
          valuePounds: d.valuePence ? penceToPounds(d.valuePence) : '',
        })),
      );
    }
    check();
  }

  function setEnabled(enabled) {
    for (const c of form.elements) if (c.tagName !== 'FIELDSET') c.disabled = !enabled;
  }

  function endCorrection() {
    correcting = null;
    el('correcting').hidden = true;
    el('submit-outcome').textContent = 'Submit report';
    for (const r of form.querySelectorAll('input[name=type]')) r.disabled = false;
    clear();
  }

  function linkTasking(id, text) {
    tasking = id;
    el('tasking-context').hidden = !id;
    el('tasking-context-text').textContent = text ?? '';
  }

  /** After a safeguarding result: the raise form of the safeguarding page, pre-filled. */
  function offerHandoff(link) {
    el('handoff-offer').hidden = !link;
    if (link) el('handoff-offer-link').href = link;
  }

  function problemShown(problem) {
    showAll = true;
    showFieldErrors(form, problem.errors ?? []);
    showSummary(summary, { ...problem, title: problemTitle(problem) }, form);
  }

  async function send(body) {
    const json = JSON.stringify(body);
    const target = correcting
      ? `/api/v1/outcomes/${encodeURIComponent(correcting.id)}/corrections`
      : `/api/v1/operations/${encodeURIComponent(week.id)}/outcomes`;
    if (!attempt || attempt.json !== json || attempt.target !== target)
      attempt = { key: crypto.randomUUID(), json, target };
    el('form-result').textContent = 'Sending…';
    offerHandoff(null);
    try {
      const res = await request('POST', target, {
        json: body,
        headers: { 'Idempotency-Key': attempt.key },
      });
      const linked = !correcting && body.taskingId ? ' It is linked to the tasking.' : '';
      const message = correcting
        ? `Correction accepted: ${TYPE_NAMES[body.type]} ${res.body.id} is now version ${res.body.version}.`
        : `Report accepted. Reference: ${res.body.id}.${linked}`;
      const handoff = correcting ? null : handoffLink(body, res.body.id, week.id);
      endCorrection();
      linkTasking(null);
      el('form-result').textContent = message;
      offerHandoff(handoff);
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      el('form-result').textContent = '';
      if (!e.retryable) attempt = null;
      const retry = e.retryable
        ? ' Submitting again is safe: the same report will not be counted twice.'
        : '';
      problemShown({ ...e.problem, detail: `${e.problem.detail ?? ''}${retry}` });
    }
  }

  form.addEventListener('change', (e) => {
    if (e.target.name === 'type') {
      showType(type());
      hideSummary(summary);
    }
  });
  form.addEventListener('input', (e) => {
    const box = e.target.closest?.('[data-field]');
    if (box) touched.add(box.dataset.field);
    el('form-result').textContent = '';
    check();
  });
  form.addEventListener('focusout', (e) => {
    const box = e.target.closest?.('[data-field]');
    if (box && e.target.value) touched.add(box.dataset.field);
    check();
  });
  el('add-drug').addEventListener('click', () => {
    renderDrugRows(drugRows, [...readDrugRows(drugRows), {}]);
    const selects = drugRows.querySelectorAll('select');
    selects[selects.length - 1].focus();
    check();
  });
  el('unlink-tasking').addEventListener('click', () => {
    linkTasking(null);
    el('report-heading').focus();
  });
  el('cancel-correction').addEventListener('click', () => {
    endCorrection();
    el('report-heading').focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showAll = true;
    const { body, errors } = check();
    if (errors.length) {
      showSummary(
        summary,
        {
          title: 'Check the report',
          detail: 'Some figures need fixing before it can be sent.',
          errors,
        },
        form,
      );
      return;
    }
    hideSummary(summary);
    el('submit-outcome').disabled = true;
    try {
      await send(body);
    } finally {
      el('submit-outcome').disabled = week?.status === 'closed';
    }
  });

  showType(type());
  clear();

  return {
    setContext(nextWeek, nextForce) {
      week = nextWeek;
      force = nextForce;
      endCorrection();
      linkTasking(null);
      offerHandoff(null);
      setEnabled(week.status !== 'closed');
    },
    /** A new report answering tasking `id` (of this week and force), its line chosen. */
    async forTasking(id, lineId) {
      const what = await api
        .get(`/api/v1/taskings/${encodeURIComponent(id)}`)
        .then((t) => `: ${t.action} (${t.priority}, due ${formatDateTime(t.dueAt)})`)
        .catch(() => '');
      linkTasking(id, `Reporting a result of the tasking${what}. It will be linked to it.`);
      if (lineId) await linePicker.show(lineId);
      check();
    },
    correct(item) {
      correcting = item;
      linkTasking(null);
      clear();
      fill(item.current);
      for (const r of form.querySelectorAll('input[name=type]')) r.disabled = r.value !== item.type;
      el('correcting-text').textContent =
        `Correcting the ${TYPE_NAMES[item.type]} reported ${formatDateTime(item.createdAt)} ` +
        `(now version ${item.version}). Your changes replace the whole report.`;
      el('correcting').hidden = false;
      el('submit-outcome').textContent = 'Submit correction';
      el('form-result').textContent = '';
      el('report-heading').focus();
    },
  };
}
