// What every page shares, built here so that no page repeats it: the masthead (product name,
// the page's title, the main navigation, who is signed in, signing out), the alert line and the
// sign-in (the development form, or the organisation's provider), and signing in again when a
// live stream's token expires. A page's HTML holds only its own content: a <main id="main"> with
// a `#workspace` that shows while signed in (alert and sign-in go before it), and any
// `data-shell-slot="masthead"` element, which moves into the masthead. The page's own parts
// start in `onSignedIn(me)` and stop in `onSignedOut()`.
import { ApiError, api, session, whenSignedOut, whenTokenExpired } from './api.js';
import { el as h } from './dom.js';
import { showInboxBadge, stopInboxBadge } from './inbox-badge.js';
import { expandMarkup } from './markup.js';
import { showNav } from './nav.js';
import { mayRenewByRedirect, oidcReady, refreshSignIn, signOutAtProvider } from './oidc.js';
import { setupOidcSignIn } from './oidc-sign-in.js';
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

/**
 * The weeks the signed-in user may see, or null once the page says why they could not be
 * loaded (a refused sign-in says it itself, by signing the page out).
 */
export async function loadWeeks() {
  try {
    return await api.get('/api/v1/operations');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status !== 401)
      alert(`Signed in, but your weeks could not be loaded: ${e.problem.detail}`);
    return null;
  }
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
 * Builds the shell, loads the regions, forces and how this server signs in, sets up sign-in
 * (dev: the form offering `roles`, in order, the first chosen; oidc: the provider's sign-in)
 * and calls `onSignedIn(me)` once signed in. Answers the reference data for the page's own
 * parts and `resume()`, which starts the page when this tab is already signed in (answering
 * whether it was) and else offers sign-in.
 */
export async function startPage({
  roles,
  signInHeading = 'Sign in',
  onSignedIn,
  onSignedOut = () => {},
}) {
  expandMarkup();
  renderShell(signInHeading);
  const [regions, forces, auth] = await Promise.all([
    api.get('/api/v1/regions'),
    api.get('/api/v1/forces'),
    api.get('/api/v1/auth/config'),
  ]);
  const forceNames = new Map(forces.map((f) => [f.code, f.name]));
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));
  /** Who the page started for, and a stream's pending wait for a fresh token. */
  let current = null;
  let renewal = null;

  function showSignIn(message) {
    el('workspace').hidden = true;
    el('who').hidden = true;
    showNav(el('main-nav'), null);
    el('sign-in').hidden = false;
    alert(message);
  }

  function showSignedOut(message = '') {
    onSignedOut();
    stopInboxBadge();
    current = null;
    renewal?.resolve(false);
    renewal = null;
    showSignIn(message);
  }

  function showSignedIn(me) {
    const scope = me.region
      ? regionNames.get(me.region)
      : me.force
        ? forceNames.get(me.force)
        : 'national';
    el('who-name').textContent = `${me.sub} (${ROLES[me.role]?.name ?? me.role}, ${scope})`;
    el('who').hidden = false;
    showNav(el('main-nav'), me.role);
    showInboxBadge(el('main-nav'), me);
    el('sign-in').hidden = true;
    el('workspace').hidden = false;
    alert('');
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
    showSignedIn(me);
    const renewed = renewal;
    renewal = null;
    // The same user again: the page's parts carry on and their streams reopen.
    if (renewed && current && sameUser(current, me)) {
      renewed.resolve(true);
      return true;
    }
    renewed?.resolve(false);
    current = me;
    await onSignedIn(me);
    return true;
  }

  const signIn =
    auth.mode === 'oidc'
      ? setupOidcSignIn(el('sign-in'), { auth })
      : setupSignIn(el('sign-in'), { roles, regions, forces, onSignedIn: start });

  /** A stream's token has expired: a refresh token if there is one, else sign in again. */
  async function renewSignIn() {
    if (auth.mode === 'oidc' && (await refreshSignIn(auth))) return true;
    if (renewal) return renewal.done;
    session.end();
    showSignIn(SESSION_ENDED);
    let resolve;
    const done = new Promise((r) => (resolve = r));
    renewal = { done, resolve };
    if (auth.mode === 'oidc' && oidcReady(auth) && mayRenewByRedirect()) await signIn.start();
    else signIn.focus();
    return done;
  }

  whenSignedOut(showSignedOut);
  whenTokenExpired(renewSignIn);
  el('sign-out').addEventListener('click', async () => {
    session.end();
    showSignedOut('You have signed out.');
    signIn.focus();
    if (auth.mode === 'oidc') await signOutAtProvider(auth);
  });
  async function resume() {
    if (session.token() && (await start())) return true;
    el('sign-in').hidden = false;
    return false;
  }
  return { regions, forces, forceNames, regionNames, resume };
}

const SESSION_ENDED = 'Your session ended; sign in again.';

const sameUser = (a, b) =>
  a.sub === b.sub && a.role === b.role && a.region === b.region && a.force === b.force;
