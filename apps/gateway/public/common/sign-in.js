// Development sign-in: asks the gateway for a dev token with the chosen role and scope. The
// route exists only when the server runs with AUTH_MODE=dev; a 404 means it is off. Each page
// offers its own roles, in its order, the first chosen; a role's region use comes from roles.js.
import { ApiError, api, session } from './api.js';
import { showFieldErrors } from './field-errors.js';
import { el as h } from './dom.js';
import { field } from './markup.js';
import { ROLES } from './roles.js';

const option = (value, text) => h('option', { value, text });
const EXAMPLE_SUBS = Object.values(ROLES).map((r) => r.sub);

function signInForm(roles) {
  const choices = roles.map((role, i) =>
    h(
      'label',
      { className: 'choice' },
      h('input', { type: 'radio', name: 'role', value: role, checked: i === 0 }),
      ` ${ROLES[role].label}`,
    ),
  );
  return h(
    'form',
    { id: 'sign-in-form', noValidate: true },
    h('fieldset', {}, h('legend', {}, 'Your role'), h('div', { className: 'choices' }, ...choices)),
    field('region', 'Region', h('select', { id: 'sign-in-region', name: 'region' })),
    field('force', 'Force', h('select', { id: 'sign-in-force', name: 'force' })),
    field(
      'sub',
      'User id',
      h('input', {
        id: 'sign-in-sub',
        name: 'sub',
        value: ROLES[roles[0]].sub,
        autocomplete: 'username',
      }),
      'A pseudonymous id, not your name.',
    ),
    h('p', {
      id: 'sign-in-problem',
      className: 'field-error',
      attrs: { 'aria-live': 'assertive' },
    }),
    h('button', { type: 'submit', className: 'button' }, 'Sign in'),
  );
}

/**
 * Fills `section` with the sign-in form for `roles`; `onSignedIn()` runs once a token is kept.
 * Answers `focus()` for the shell.
 */
export function setupSignIn(section, { roles, regions, forces, onSignedIn }) {
  const off = h(
    'p',
    { id: 'sign-in-off', className: 'notice warning', hidden: true },
    "Development sign-in is off on this server. Use your organisation's sign-in instead.",
  );
  const form = signInForm(roles);
  section.append(off, form);
  const problem = form.querySelector('#sign-in-problem');
  const sub = form.elements.namedItem('sub');
  const role = () => form.elements.namedItem('role').value;
  const regionUse = () => ROLES[role()].region;
  const national = roles.some((r) => ROLES[r].region === 'optional')
    ? [option('', 'All regions (national)')]
    : [];
  form.elements
    .namedItem('region')
    .replaceChildren(...national, ...regions.map((r) => option(r.code, r.name)));
  form.elements.namedItem('force').replaceChildren(...forces.map((f) => option(f.code, f.name)));

  function showRole() {
    form.querySelector('[data-field=region]').hidden = !regionUse();
    form.querySelector('[data-field=force]').hidden = !ROLES[role()].force;
    // Follow the role with the example id until the user types their own.
    if (EXAMPLE_SUBS.includes(sub.value)) sub.value = ROLES[role()].sub;
  }

  form.addEventListener('change', (e) => {
    if (e.target.name === 'role') showRole();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.textContent = '';
    const claims = { sub: sub.value.trim(), role: role() };
    const region = form.elements.namedItem('region').value;
    if (regionUse() && region) claims.region = region;
    if (ROLES[claims.role].force) claims.force = form.elements.namedItem('force').value;
    if (!claims.sub) {
      showFieldErrors(form, [{ field: 'sub', message: 'Enter a user id' }]);
      sub.focus();
      return;
    }
    showFieldErrors(form, []);
    try {
      const { body } = await api.post('/api/v1/auth/dev-token', claims);
      session.start(body.token);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 404) {
        off.hidden = false;
        form.hidden = true;
        return;
      }
      showFieldErrors(form, err.problem.errors);
      problem.textContent = err.problem.detail;
      return;
    }
    await onSignedIn();
  });
  showRole();
  return { focus: () => sub.focus() };
}
