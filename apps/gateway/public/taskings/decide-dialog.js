// One dialog for the transitions that need more than a click: complete (with linked outcomes),
// decline (with a reason), cancel (optional reason) and reassign (another force, a new due time). A refusal is
// shown beside the field the server names; a 409 beside the tasking's status.
import { ApiError, api, request } from '/common/assets/api.js';
import { showFieldErrors } from '/common/assets/field-errors.js';
import { figuresOf, TYPE_LABELS } from '/report/assets/figures.js';
import { formatDateTime, localInputToIso } from '/common/assets/units.js';

const MODES = {
  complete: { title: 'Complete tasking', submit: 'Complete', fields: ['outcomeIds'] },
  decline: {
    title: 'Decline tasking',
    submit: 'Decline',
    fields: ['reason'],
    hint: 'Required: why the force cannot act on it. Recorded in the audit trail.',
  },
  cancel: {
    title: 'Cancel tasking',
    submit: 'Cancel tasking',
    fields: ['reason'],
    hint: 'Optional. Recorded in the audit trail.',
  },
  reassign: {
    title: 'Reassign tasking',
    submit: 'Reassign',
    fields: ['force', 'dueAt', 'reason'],
    hint: 'Optional. Recorded in the audit trail.',
  },
};

const option = (value, text) => Object.assign(document.createElement('option'), { value, text });

export function createDecideDialog({ forces, forceNames, onDone, onClosed }) {
  const el = (id) => document.getElementById(id);
  const dialog = el('decide-dialog');
  const form = el('decide-form');
  const outcomes = el('decide-outcomes');
  const reason = form.elements.namedItem('reason');
  const forceSelect = form.elements.namedItem('force');
  const dueAt = form.elements.namedItem('dueAt');
  let current = null;

  const box = (field) => form.querySelector(`[data-field="${field}"]`);

  async function listOutcomes(t) {
    outcomes.replaceChildren(
      Object.assign(document.createElement('p'), { textContent: 'Loading…' }),
    );
    try {
      const query = new URLSearchParams({ force: t.force, status: 'live', limit: '100' });
      const page = await api.get(
        `/api/v1/operations/${encodeURIComponent(t.operationId)}/outcomes?${query}`,
      );
      outcomes.replaceChildren(
        ...(page.items.length
          ? page.items.map((o) => {
              const input = Object.assign(document.createElement('input'), {
                type: 'checkbox',
                name: 'outcomeIds',
                value: o.id,
                id: `outcome-${o.id}`,
                checked: t.outcomeIds.includes(o.id),
              });
              const label = Object.assign(document.createElement('label'), {
                htmlFor: input.id,
                className: 'choice',
              });
              label.append(
                input,
                ` ${TYPE_LABELS[o.type]}, ${formatDateTime(o.current.occurredAt)}: ${figuresOf(o.current)} `,
                Object.assign(document.createElement('code'), { textContent: o.id }),
              );
              return label;
            })
          : [
              Object.assign(document.createElement('p'), {
                textContent: 'No results reported for this force yet.',
              }),
            ]),
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showFieldErrors(form, [{ field: 'outcomeIds', message: err.problem.detail }]);
      outcomes.replaceChildren();
    }
  }

  function read() {
    const body = {};
    const errors = [];
    const mode = current.mode;
    if (mode === 'complete')
      body.outcomeIds = [...form.querySelectorAll('input[name=outcomeIds]:checked')].map(
        (i) => i.value,
      );
    if (reason.value.trim()) body.reason = reason.value.trim();
    else if (mode === 'decline')
      errors.push({ field: 'reason', message: 'Enter why the force declines this tasking' });
    if (mode === 'reassign') {
      body.force = forceSelect.value;
      if (dueAt.value) body.dueAt = localInputToIso(dueAt.value);
    }
    return { body, errors };
  }

  /** Errors the form has no visible field for go beside the status, with the server's words. */
  function show(problem) {
    const errors = problem.errors ?? [];
    const placed = errors.filter(
      (e) => e.field !== 'status' && box(e.field) && !box(e.field).hidden,
    );
    if (placed.length < errors.length || errors.length === 0)
      placed.push({ field: 'status', message: problem.detail ?? problem.title });
    showFieldErrors(form, placed);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { body, errors } = read();
    if (errors.length) return showFieldErrors(form, errors);
    const submit = el('decide-submit');
    submit.disabled = true;
    try {
      const { body: after } = await request(
        'POST',
        `/api/v1/taskings/${encodeURIComponent(current.tasking.id)}/${current.mode}`,
        { json: body },
      );
      dialog.close();
      onDone(after);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      show(err.problem);
    } finally {
      submit.disabled = false;
    }
  });
  el('decide-cancel').addEventListener('click', () => dialog.close());
  // The row's buttons were rebuilt while the dialog was open: put focus back on the tasking.
  dialog.addEventListener('close', () => onClosed(current.mode, current.tasking));

  return {
    open(mode, tasking) {
      const m = MODES[mode];
      current = { mode, tasking };
      const force = forceNames.get(tasking.force) ?? tasking.force;
      el('decide-heading').textContent = m.title;
      el('decide-what').textContent =
        `${force}: ${tasking.action} (${tasking.priority}, due ${formatDateTime(tasking.dueAt)})`;
      el('decide-submit').textContent = m.submit;
      el('decide-reason-hint').textContent = m.hint ?? '';
      for (const field of ['outcomeIds', 'force', 'dueAt', 'reason'])
        box(field).hidden = !m.fields.includes(field);
      reason.value = '';
      dueAt.value = '';
      forceSelect.replaceChildren(
        ...forces.filter((f) => f.code !== tasking.force).map((f) => option(f.code, f.name)),
      );
      showFieldErrors(form, []);
      if (mode === 'complete') void listOutcomes(tasking);
      dialog.showModal();
    },
  };
}
