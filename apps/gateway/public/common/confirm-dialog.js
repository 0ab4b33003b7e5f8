// One confirmation dialog for the desks' actions: it says what will happen, takes the action's
// few fields, sends it with an Idempotency-Key made for this confirmation (kept, so a retry
// after a lost answer is counted once) and shows a refusal beside the field the server names,
// or beside the status when no field on the form fits.
import { ApiError, request } from './api.js';
import { el } from './dom.js';
import { showFieldErrors } from './field-errors.js';
import { field } from './markup.js';

function control({ name, kind, options = [] }, prefix) {
  const id = `${prefix}-${name}`;
  if (kind === 'textarea') return el('textarea', { id, name, rows: 3, maxLength: 1000 });
  if (kind === 'select')
    return el('select', { id, name }, ...options.map(([v, t]) => new Option(t, v)));
  return el('input', { id, name, type: kind ?? 'text' });
}

/** Builds the dialog once; `open(...)` fills it for one action and resolves when it closes. */
export function createConfirmDialog(prefix) {
  const heading = el('h2', { id: `${prefix}-heading` });
  const what = el('p', { id: `${prefix}-what` });
  const fields = el('div');
  const status = el(
    'div',
    { className: 'field', attrs: { 'data-field': 'status' } },
    el('p', {
      className: 'field-error',
      id: `${prefix}-status-error`,
      attrs: { 'aria-live': 'assertive' },
    }),
  );
  const submit = el('button', { type: 'submit', className: 'button', id: `${prefix}-submit` });
  const cancel = el('button', { type: 'button', className: 'button secondary' }, 'Cancel');
  const form = el(
    'form',
    { method: 'dialog', noValidate: true },
    heading,
    what,
    fields,
    status,
    el('div', { className: 'dialog-actions' }, submit, cancel),
  );
  const dialog = el(
    'dialog',
    { id: prefix, attrs: { 'aria-labelledby': heading.id, 'aria-describedby': what.id } },
    form,
  );
  document.body.append(dialog);
  let current = null;
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => current?.closed());

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const values = Object.fromEntries(
      current.fields.map((f) => [f.name, form.elements.namedItem(f.name).value.trim()]),
    );
    const missing = current.fields.filter((f) => f.required && !values[f.name]);
    if (missing.length)
      return showFieldErrors(
        form,
        missing.map((f) => ({ field: f.name, message: f.required })),
      );
    submit.disabled = true;
    try {
      const { body } = await request('POST', current.path, {
        json: current.body(values),
        headers: { 'idempotency-key': current.key },
      });
      current.done(body);
      dialog.close();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const errors = err.problem.errors ?? [];
      const placed = errors.filter((x) => current.fields.some((f) => f.name === x.field));
      if (placed.length < errors.length || errors.length === 0)
        placed.push({ field: 'status', message: err.problem.detail ?? err.problem.title });
      showFieldErrors(form, placed);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    /**
     * `fields`: `{ name, label, hint?, kind?, options?, required? }` (required: the message when
     * left empty); `body(values)` the JSON to send; `done(answer)` after success.
     */
    open({ title, text, action, path, fields: wanted = [], body = () => ({}), done }) {
      heading.textContent = title;
      what.textContent = text;
      submit.textContent = action;
      fields.replaceChildren(
        ...wanted.map((f) => field(f.name, f.label, control(f, prefix), f.hint)),
      );
      showFieldErrors(form, []);
      return new Promise((resolve) => {
        current = {
          fields: wanted,
          path,
          body,
          key: crypto.randomUUID(),
          done: (answer) => {
            done(answer);
          },
          closed: () => resolve(),
        };
        dialog.showModal();
      });
    },
  };
}
