// What every page shares, built here so that no page repeats it: the masthead (product name,
// the page's title, the main navigation, who is signed in, signing out), the alert line and the
// development sign-in form. A page's HTML holds only its own content: a <main id="main"> with
// a `#workspace` that shows while signed in (alert and sign-in go before it), and any
// `data-shell-slot="masthead"` element, which moves into the masthead. The page's own parts
// start in `onSignedIn(me)` and stop in `onSignedOut()`.
import { ApiError, api, session, whenSignedOut } from './api.js';
import { el as h } from './dom.js';
import { expandMarkup } from './markup.js';
import { showNav } from './nav.js';
import { ROLES } from './roles.js';
import { setupSignIn } from './sign-in.js';

const PRODUCT = 'Intensify';
const el = (id) => document.getElementById(id);

/** The page's title: its <title> without the product name, until the page sets another. */
const titleOf = (doc) => doc.title.replace(new RegExp(` – ${PRODUCT}$`), '');

function renderShell(signInHeading) {
  const header = h(
    'header',
    { className: 'masthead' },
    h(
      'div',
      { className: 'masthead-inner' },
      h(
        'p',
        { className: 'service-name' },
        PRODUCT,
        h('span', {}, 'county lines intensification weeks'),
      ),
      h('h1', { id: 'page-title' }, titleOf(document)),
      ...document.querySelectorAll('[data-shell-slot=masthead]'),
    ),
    h(
      'div',
      { className: 'masthead-bar' },
      h('nav', {
        id: 'main-nav',
        className: 'main-nav',
        hidden: true,
        attrs: { 'aria-label': 'Main' },
      }),
      h(
        'div',
        { id: 'who', className: 'who', hidden: true },
        h('p', {}, 'Signed in as ', h('strong', { id: 'who-name' })),
        h('button', { type: 'button', id: 'sign-out', className: 'button secondary' }, 'Sign out'),
      ),
    ),
  );
  document.body.prepend(
    h('a', { className: 'skip-link', href: '#main' }, 'Skip to main content'),
    header,
  );
  el('workspace').before(
    h('p', { id: 'page-alert', className: 'notice', hidden: true, attrs: { role: 'alert' } }),
    h(
      'section',
      {
        id: 'sign-in',
        className: 'sign-in',
        hidden: true,
        attrs: { 'aria-labelledby': 'sign-in-heading' },
      },
      h('h2', { id: 'sign-in-heading' }, signInHeading),
    ),
  );
}

export function alert(message) {
  el('page-alert').textContent = message;
  el('page-alert').hidden = !message;
}

/** Says why the page could not start, for a page's top-level `catch`. */
export function failed(e) {
  alert(e instanceof ApiError ? `The page could not load: ${e.problem.detail}` : String(e));
}

/** Titles the page (its heading, and the browser tab, which may say more). */
export function setTitle(heading, tab = heading) {
  el('page-title').textContent = heading;
  document.title = `${tab} – ${PRODUCT}`;
}

/**
 * Builds the shell, loads the regions and forces, sets up sign-in offering `roles` (in order,
 * the first chosen) and calls `onSignedIn(me)` once signed in. Answers the reference data for
 * the page's own parts and `resume()`, which starts the page when this tab is already signed
 * in (answering whether it was) and else offers the sign-in form.
 */
export async function startPage({
  roles,
  signInHeading = 'Sign in',
  onSignedIn,
  onSignedOut = () => {},
}) {
  expandMarkup();
  renderShell(signInHeading);
  const [regions, forces] = await Promise.all([
    api.get('/api/v1/regions'),
    api.get('/api/v1/forces'),
  ]);
  const forceNames = new Map(forces.map((f) => [f.code, f.name]));
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));

  function showSignedOut(message = '') {
    onSignedOut();
    el('workspace').hidden = true;
    el('who').hidden = true;
    showNav(el('main-nav'), null);
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
      return false;
    }
    const scope = me.region
      ? regionNames.get(me.region)
      : me.force
        ? forceNames.get(me.force)
        : 'national';
    el('who-name').textContent = `${me.sub} (${ROLES[me.role]?.name ?? me.role}, ${scope})`;
    el('who').hidden = false;
    showNav(el('main-nav'), me.role);
    el('sign-in').hidden = true;
    el('workspace').hidden = false;
    alert('');
    await onSignedIn(me);
    return true;
  }

  whenSignedOut(showSignedOut);
  el('sign-out').addEventListener('click', () => {
    session.end();
    showSignedOut('You have signed out.');
    el('sign-in-sub').focus();
  });
  setupSignIn(el('sign-in'), { roles, regions, forces, onSignedIn: start });
  async function resume() {
    if (session.token() && (await start())) return true;
    el('sign-in').hidden = false;
    return false;
  }
  return { regions, forces, forceNames, regionNames, resume };
}
