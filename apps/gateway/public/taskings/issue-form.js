// The issue form of the NCLCC (any force) and of regional coordinators (their region's forces):
// one tasking for the chosen force, or one per focus force of the week (in the issuer's reach)
// in a single all-or-nothing request. Errors appear beside their field, as the server names them.
import { ApiError, request } from '/common/assets/api.js';
import { hideSummary, showFieldErrors, showSummary } from '/common/assets/field-errors.js';
import { createLinePicker } from '/common/assets/line-picker.js';
import { isoToLocalInput, localInputToIso } from '/common/assets/units.js';

const MINUTES = /^\d{1,5}$/;
const option = (value, text) => Object.assign(document.createElement('option'), { value, text });

/** The fields every tasking of the request shares, checked here before the server checks them. */
function readCommon(form) {
  const value = (name) => form.elements.namedItem(name).value.trim();
  const errors = [];
  const body = { action: value('action'), priority: value('priority') };
  if (!body.action) errors.push({ field: 'action', message: 'Enter what the force is to do' });
  const dueAt = localInputToIso(value('dueAt'));
  if (!dueAt) errors.push({ field: 'dueAt', message: 'Enter when it is due' });
  else if (Date.parse(dueAt) <= Date.now())
    errors.push({ field: 'dueAt', message: 'Enter a time in the future' });
  else body.dueAt = dueAt;
  const minutes = value('acknowledgeWithinMinutes');
  if (minutes && !(MINUTES.test(minutes) && +minutes >= 1 && +minutes <= 10_080))
    errors.push({
      field: 'acknowledgeWithinMinutes',
      message: 'Enter whole minutes from 1 to 10080',
    });
  else if (minutes) body.acknowledgeWithinMinutes = Number(minutes);
  if (value('lineId')) body.lineId = value('lineId');
  if (value('notes')) body.notes = value('notes');
  return { body, errors };
}

/** `taskings.3.dueAt` is the form's `dueAt`, said of the fourth force. */
function onFormFields(errors, forces, forceNames) {
  return errors.map((e) => {
    const m = e.field.match(/^taskings\.(\d+)\.(.+)$/);
    if (!m) return e;
    const force = forceNames.get(forces[Number(m[1])]) ?? forces[Number(m[1])];
    return { field: m[2], message: `${e.message} (${force})` };
  });
}

export function createIssueForm({ forces, forceNames, onIssued }) {
  const form = document.getElementById('issue-form');
  const summary = document.getElementById('issue-summary');
  const result = document.getElementById('issue-result');
  const focusButton = document.getElementById('issue-focus');
  const forceSelect = form.elements.namedItem('force');
  createLinePicker({
    search: document.getElementById('issue-lineSearch'),
    select: form.elements.namedItem('lineId'),
    status: document.getElementById('issue-lineSearch-status'),
  });
  // Which forces this issuer may task: all for the NCLCC, its region's for a regional coordinator.
  let mayTask = () => true;
  const taskable = () => forces.filter((f) => mayTask(f.code));
  form.elements.namedItem('dueAt').value = isoToLocalInput(new Date(Date.now() + 86_400_000));
  let operation = null;
  // One key per request body: a retry after no answer cannot issue twice; another body, a new key.
  let key = null;
  let keyedBody = null;

  async function send(forcesTasked) {
    result.textContent = '';
    const { body, errors } = readCommon(form);
    if (!forcesTasked.length)
      errors.push({ field: 'force', message: 'This week has no focus forces to task' });
    if (errors.length)
      return fail({ detail: 'Check the highlighted fields.', errors }, forcesTasked);
    const bulk = forcesTasked.length > 1 || form.dataset.mode === 'focus';
    const json = bulk
      ? { taskings: forcesTasked.map((force) => ({ ...body, force })) }
      : { ...body, force: forcesTasked[0] };
    if (JSON.stringify(json) !== keyedBody) {
      key = crypto.randomUUID();
      keyedBody = JSON.stringify(json);
    }
    try {
      const answer = await request(
        'POST',
        `/api/v1/operations/${encodeURIComponent(operation.id)}/taskings`,
        { json, headers: { 'idempotency-key': key } },
      );
      keyedBody = null;
      showFieldErrors(form, []);
      hideSummary(summary);
      const issued = bulk ? answer.body.taskings : [answer.body];
      const names = issued.map((t) => forceNames.get(t.force) ?? t.force).join(', ');
      result.textContent = `Issued ${issued.length} ${issued.length === 1 ? 'tasking' : 'taskings'}: ${names}.`;
      onIssued(issued);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (!err.retryable) keyedBody = null;
      fail(err.problem, forcesTasked);
    }
  }

  function fail(problem, forcesTasked) {
    const errors = onFormFields(problem.errors ?? [], forcesTasked, forceNames);
    showFieldErrors(form, errors);
    showSummary(summary, { ...problem, errors }, form);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    form.dataset.mode = 'one';
    void send([forceSelect.value]);
  });
  focusButton.addEventListener('click', () => {
    form.dataset.mode = 'focus';
    void send((operation.focusForces ?? []).filter((f) => mayTask(f)));
  });

  return {
    setIssuer(me) {
      const regionOf = new Map(forces.map((f) => [f.code, f.region]));
      mayTask = me.role === 'regional' ? (code) => regionOf.get(code) === me.region : () => true;
      forceSelect.replaceChildren(...taskable().map((f) => option(f.code, f.name)));
      if (operation) this.setOperation(operation);
    },
    setOperation(op) {
      operation = op;
      const n = (op.focusForces ?? []).filter((f) => mayTask(f)).length;
      focusButton.textContent = `Task all ${n} focus ${n === 1 ? 'force' : 'forces'}`;
      focusButton.disabled = n === 0 || op.status === 'closed';
      form.querySelector('#issue-one').disabled = op.status === 'closed';
      result.textContent =
        op.status === 'closed' ? 'This week is closed: it takes no new taskings.' : '';
    },
  };
}
