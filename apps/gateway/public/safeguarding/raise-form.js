// The raise form: the found force (those the user reports for), the home force, the subject's
// pseudonymous reference, age group, concerns, when found, and optionally the week and the
// safeguarding result it came from (pre-filled by a link from the reporting page). Checked here,
// then by the server, whose 400 names each field; one Idempotency-Key per body.
import { ApiError, request } from '/common/assets/api.js';
import { el as h } from '/common/assets/dom.js';
import { hideSummary, showFieldErrors, showSummary } from '/common/assets/field-errors.js';
import {
  formatDate,
  formatDateTime,
  isoToLocalInput,
  localInputToIso,
} from '/common/assets/units.js';
import { CONCERN_NAMES } from './handoff-model.js';
import { CONCERNS, keyFor, onFormFields, readRaise } from './raise-model.js';

const option = (value, text) => Object.assign(document.createElement('option'), { value, text });

const PROBLEM_TITLES = {
  forbidden_scope: 'You may not raise a hand-off for this force',
  operation_closed: 'This week is closed: choose another or none',
  idempotency_conflict: 'This hand-off was already sent with other details',
};

/** `onRaised(handoff)` runs with the server's answer. */
export function createRaiseForm({ forces, forceNames, onRaised }) {
  const form = document.getElementById('raise-form');
  const summary = document.getElementById('raise-summary');
  const result = document.getElementById('raise-result');
  const input = (name) => form.elements.namedItem(name);
  let keyed = null;

  document.getElementById('raise-concerns').replaceChildren(
    ...CONCERNS.map((c) =>
      h(
        'label',
        { className: 'choice' },
        h('input', {
          type: 'checkbox',
          name: 'concerns',
          value: c,
          id: `raise-concerns-${c}`,
          attrs: { 'aria-describedby': 'raise-concerns-hint raise-concerns-error' },
        }),
        ` ${CONCERN_NAMES[c]}`,
      ),
    ),
  );
  input('homeForce').replaceChildren(
    option('', 'Choose…'),
    ...forces.filter((f) => f.region).map((f) => option(f.code, f.name)),
  );

  function read() {
    return {
      operationId: input('operationId').value,
      foundForce: input('foundForce').value,
      homeForce: input('homeForce').value,
      subjectRef: input('subjectRef').value,
      ageGroup: form.querySelector('input[name=ageGroup]:checked')?.value ?? '',
      concerns: [...form.querySelectorAll('input[name=concerns]:checked')].map((c) => c.value),
      foundAt: input('foundAt').value,
      safeguardingOutcomeId: input('safeguardingOutcomeId').value.trim(),
      note: input('note').value,
    };
  }

  function fail(problem) {
    const errors = onFormFields(problem.errors ?? []);
    showFieldErrors(form, errors);
    showSummary(
      summary,
      { ...problem, title: PROBLEM_TITLES[problem.code] ?? problem.title, errors },
      form,
    );
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    result.textContent = '';
    const { body, errors } = readRaise(read(), Date.now(), localInputToIso);
    input('subjectRef').value = body.subjectRef;
    if (errors.length)
      return fail({
        title: 'Check the hand-off',
        detail: 'Some details need fixing before it can be sent.',
        errors,
      });
    keyed = keyFor(keyed, body, () => crypto.randomUUID());
    const button = document.getElementById('raise-submit');
    button.disabled = true;
    try {
      const answer = await request('POST', '/api/v1/handoffs', {
        json: body,
        headers: { 'idempotency-key': keyed.key },
      });
      keyed = null;
      showFieldErrors(form, []);
      hideSummary(summary);
      const t = answer.body;
      const earlier = t.previousHandoffs?.length
        ? ` This subject has ${t.previousHandoffs.length} earlier ${t.previousHandoffs.length === 1 ? 'hand-off' : 'hand-offs'}.`
        : '';
      result.textContent = `Hand-off raised to ${forceNames.get(t.homeForce) ?? t.homeForce}: to be acknowledged by ${formatDateTime(t.acknowledgeBy)}.${earlier}`;
      form.reset();
      input('foundAt').value = isoToLocalInput(new Date());
      onRaised(t);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (!err.retryable) keyed = null;
      const retry = err.retryable
        ? ' Sending again is safe: the same hand-off will not be raised twice.'
        : '';
      fail({ ...err.problem, detail: `${err.problem.detail ?? ''}${retry}` });
    } finally {
      button.disabled = false;
    }
  });

  return {
    /** The forces this user may raise for, and the weeks that still take hand-offs. */
    setUp(me, weeks) {
      const own = new Set(me.forces ?? []);
      input('foundForce').replaceChildren(
        ...forces.filter((f) => own.has(f.code)).map((f) => option(f.code, f.name)),
      );
      const open = weeks
        .filter((w) => w.status !== 'closed')
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
      input('operationId').replaceChildren(
        option('', 'Not part of a week'),
        ...open.map((w) =>
          option(w.id, `${w.name} (${formatDate(w.startsAt)} to ${formatDate(w.endsAt)})`),
        ),
      );
      const active = open.find((w) => w.status === 'active');
      if (active) input('operationId').value = active.id;
      input('foundAt').value = isoToLocalInput(new Date());
    },
    /** Values from a link (the reporting page); a value the selects do not offer is left out. */
    prefill(values) {
      const set = (name, v) => {
        const control = input(name);
        const before = control.value;
        control.value = v;
        if (control.value !== v) control.value = before;
      };
      if (values.operationId) set('operationId', values.operationId);
      if (values.foundForce) set('foundForce', values.foundForce);
      if (values.foundAt) input('foundAt').value = isoToLocalInput(values.foundAt);
      if (values.ageGroup)
        form.querySelector(`input[name=ageGroup][value="${values.ageGroup}"]`).checked = true;
      if (values.safeguardingOutcomeId) set('safeguardingOutcomeId', values.safeguardingOutcomeId);
    },
  };
}
