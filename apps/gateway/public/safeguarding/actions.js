// The three things the home force (its region, the NCLCC) does with a hand-off: acknowledge with
// an owner, redirect to the right home force with a reason, close with an outcome. Each form
// sends its own Idempotency-Key, reused only when the same body is sent again after no answer.
// A refusal shows beside the field the server names; a 409 (the hand-off moved on) beside the
// form's button.
import { ApiError, request } from '/common/assets/api.js';
import { showFieldErrors } from '/common/assets/field-errors.js';
import { OUTCOME_NAMES } from './handoff-model.js';
import { keyFor, referenceError } from './raise-model.js';

const option = (value, text) => Object.assign(document.createElement('option'), { value, text });

/** Which forms a hand-off's status offers. */
const OFFERED = {
  raised: ['acknowledge', 'redirect'],
  acknowledged: ['close', 'redirect'],
  closed: [],
};

const READERS = {
  acknowledge(form) {
    const owner = form.elements.owner.value.trim().toUpperCase();
    const problem = referenceError(owner, 'owner reference');
    return { body: { owner }, errors: problem ? [{ field: 'owner', message: problem }] : [] };
  },
  redirect(form, handoff) {
    const homeForce = form.elements.homeForce.value;
    const reason = form.elements.reason.value.trim();
    const errors = [];
    if (!homeForce) errors.push({ field: 'homeForce', message: 'Choose the right home force' });
    if (!reason) errors.push({ field: 'reason', message: 'Say why the home force was wrong' });
    if (homeForce && homeForce === handoff.homeForce)
      errors.push({ field: 'homeForce', message: 'Choose a force other than the current one' });
    return { body: { homeForce, reason }, errors };
  },
  close(form) {
    const outcome = form.elements.outcome.value;
    const note = form.elements.note.value.trim();
    const errors = outcome ? [] : [{ field: 'outcome', message: 'Choose what was done' }];
    return { body: note ? { outcome, note } : { outcome }, errors };
  },
};

/** `onDone(handoff, action)` runs with the server's answer. */
export function createActions({ forces, onDone }) {
  const el = (id) => document.getElementById(id);
  const forms = {
    acknowledge: el('acknowledge-form'),
    redirect: el('redirect-form'),
    close: el('close-form'),
  };
  const result = el('action-result');
  const keys = {};
  let current = null;

  el('close-outcome').replaceChildren(
    option('', 'Choose…'),
    ...Object.entries(OUTCOME_NAMES).map(([v, t]) => option(v, t)),
  );

  /** Errors the form shows no field for go beside its button, in the server's words. */
  function show(form, problem) {
    const errors = problem.errors ?? [];
    const boxes = (f) => form.querySelector(`[data-field="${CSS.escape(f)}"]`);
    const placed = errors.filter((e) => e.field !== 'status' && boxes(e.field));
    if (placed.length < errors.length || errors.length === 0)
      placed.push({ field: 'status', message: problem.detail ?? problem.title });
    showFieldErrors(form, placed);
    form.querySelector('[aria-invalid]')?.focus();
  }

  async function submit(action) {
    const form = forms[action];
    const handoff = current;
    const { body, errors } = READERS[action](form, handoff);
    result.textContent = '';
    if (errors.length) {
      showFieldErrors(form, errors);
      form.querySelector('[aria-invalid]')?.focus();
      return;
    }
    showFieldErrors(form, []);
    const path = `/api/v1/handoffs/${encodeURIComponent(handoff.id)}/${action}`;
    const keyed = (keys[path] = keyFor(keys[path], body, () => crypto.randomUUID()));
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const { body: after } = await request('POST', path, {
        json: body,
        headers: { 'idempotency-key': keyed.key },
      });
      delete keys[path];
      form.reset();
      onDone(after, action);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (!err.retryable) delete keys[path];
      show(form, err.problem);
    } finally {
      button.disabled = false;
    }
  }

  for (const [action, form] of Object.entries(forms))
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void submit(action);
    });

  return {
    /** Shows the forms the hand-off's status offers, when `allowed`; clears them for another. */
    show(handoff, allowed) {
      const another = current?.id !== handoff.id;
      current = handoff;
      const offered = allowed ? OFFERED[handoff.status] : [];
      for (const [action, form] of Object.entries(forms)) {
        form.hidden = !offered.includes(action);
        if (another) {
          form.reset();
          showFieldErrors(form, []);
        }
      }
      const select = el('redirect-homeForce');
      const chosen = select.value;
      select.replaceChildren(
        option('', 'Choose…'),
        ...forces
          .filter((f) => f.region && f.code !== handoff.homeForce && f.code !== handoff.foundForce)
          .map((f) => option(f.code, f.name)),
      );
      if (!another) select.value = chosen;
      if (another) result.textContent = '';
      el('detail-actions').hidden = offered.length === 0;
    },
    said(message) {
      result.textContent = message;
    },
  };
}
