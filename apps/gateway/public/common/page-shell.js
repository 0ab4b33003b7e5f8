// What every signed-in page shares: the development sign-in form (built here, so pages do not
// repeat its markup), who is signed in, signing out, and the page's alert line. The page's own
// parts start in `onSignedIn(me)` and stop in `onSignedOut()`.
import { ApiError, api, session, whenSignedOut } from './api.js';
import { setupSignIn } from './sign-in.js';
import { el as h } from './dom.js';

const ROLE_LABELS = {
  regional: 'Regional coordinator',
  force: 'Force user',
  nclcc: 'NCLCC (national)',
};
const ROLE_NAMES = {
  regional: 'regional coordinator',
  force: 'force user',
  nclcc: 'NCLCC',
  commander: 'commander',
};
const DEFAULT_SUBS = { regional: 'regional-user', force: 'force-user', nclcc: 'nclcc-user' };

const el = (id) => document.getElementById(id);

/** A labelled control with its error slot, as field-errors.js expects (`data-field`). */
function field(name, label, control, hint) {
  const box = h(
    'div',
    { className: 'field' },
    h('label', { htmlFor: control.id }, label),
    hint && h('p', { className: 'hint', id: `${control.id}-hint` }, hint),
    h('p', {
      className: 'field-error',
      id: `${control.id}-error`,
      attrs: { 'aria-live': 'polite' },
    }),
    control,
  );
  box.dataset.field = name;
  const described = [hint && `${control.id}-hint`, `${control.id}-error`].filter(Boolean);
  control.setAttribute('aria-describedby', described.join(' '));
  return box;
}

/** Fills `#sign-in` with the form sign-in.js drives; `roles` in order, the first chosen. */
function renderSignIn(roles) {
  const choices = roles.map((role, i) =>
    h(
      'label',
      { className: 'choice' },
      h('input', {
        type: 'radio',
        name: 'role',
        value: role,
        checked: i === 0,
        // sign-in.js asks for a region where the role needs one.
        attrs: role === 'regional' ? { 'data-region': 'required' } : {},
      }),
      ` ${ROLE_LABELS[role]}`,
    ),
  );
  const form = h(
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
        value: DEFAULT_SUBS[roles[0]],
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
  const off = h(
    'p',
    { id: 'sign-in-off', className: 'notice warning', hidden: true },
    "Development sign-in is off on this server. Use your organisation's sign-in instead.",
  );
  el('sign-in').append(off, form);
}

export function alert(message) {
  el('page-alert').textContent = message;
  el('page-alert').hidden = !message;
}

/**
 * Loads the regions and forces, sets up sign-in and calls `onSignedIn(me)` once signed in (now,
 * if this tab already is). Answers the reference data for the page's own parts.
 */
export async function startPage({ roles, onSignedIn, onSignedOut = () => {} }) {
  const [regions, forces] = await Promise.all([
    api.get('/api/v1/regions'),
    api.get('/api/v1/forces'),
  ]);
  const forceNames = new Map(forces.map((f) => [f.code, f.name]));
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));
  renderSignIn(roles);

  function showSignedOut(message = '') {
    onSignedOut();
    el('workspace').hidden = true;
    el('who').hidden = true;
    el('sign-in').hidden = false;
    alert(message);
  }

  async function start() {
    let me;
    try {
      me = await api.get('/api/v1/me');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status !== 401) alert(`Signed in, but the page could not start: ${e.problem.detail}`);
      return;
    }
    const scope = me.region
      ? regionNames.get(me.region)
      : me.force
        ? forceNames.get(me.force)
        : 'national';
    el('who-name').textContent = `${me.sub} (${ROLE_NAMES[me.role] ?? me.role}, ${scope})`;
    el('who').hidden = false;
    el('sign-in').hidden = true;
    el('workspace').hidden = false;
    alert('');
    await onSignedIn(me);
  }

  whenSignedOut(showSignedOut);
  el('sign-out').addEventListener('click', () => {
    session.end();
    showSignedOut('You have signed out.');
    el('sign-in-sub').focus();
  });
  setupSignIn({ regions, forces, onSignedIn: start });
  return { regions, forces, forceNames, regionNames, resume: () => session.token() && start() };
}
