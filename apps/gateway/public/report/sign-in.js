// Development sign-in: asks the gateway for a dev token with the chosen role and scope. The
// route exists only when the server runs with AUTH_MODE=dev; a 404 means it is off.
import { ApiError, api, session } from './api.js';
import { showFieldErrors } from './field-errors.js';
import { renderSignInForm } from './sign-in-form.js';

const DEFAULT_SUBS = { regional: 'regional-user', force: 'force-user', nclcc: 'nclcc-user' };

const option = (value, text) => Object.assign(document.createElement('option'), { value, text });

export function setupSignIn({ regions, forces, onSignedIn }) {
  renderSignInForm();
  const form = document.getElementById('sign-in-form');
  const problem = document.getElementById('sign-in-problem');
  const sub = form.elements.namedItem('sub');
  const role = () => form.elements.namedItem('role').value;
  form.elements.namedItem('region').replaceChildren(...regions.map((r) => option(r.code, r.name)));
  form.elements.namedItem('force').replaceChildren(...forces.map((f) => option(f.code, f.name)));

  function showRole() {
    form.querySelector('[data-field=region]').hidden = role() !== 'regional';
    form.querySelector('[data-field=force]').hidden = role() !== 'force';
    // Follow the role with the example id until the user types their own.
    if (Object.values(DEFAULT_SUBS).includes(sub.value)) sub.value = DEFAULT_SUBS[role()];
  }

  form.addEventListener('change', (e) => {
    if (e.target.name === 'role') showRole();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.textContent = '';
    const claims = { sub: sub.value.trim(), role: role() };
    if (claims.role === 'regional') claims.region = form.elements.namedItem('region').value;
    if (claims.role === 'force') claims.force = form.elements.namedItem('force').value;
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
        document.getElementById('sign-in-off').hidden = false;
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
}
