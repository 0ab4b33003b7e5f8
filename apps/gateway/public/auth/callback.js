// Where the organisation's provider sends the browser back: after a sign-in (with `code` and
// `state`) it finishes the sign-in and returns to the page the user started from; after a
// sign-out it says so. The answer leaves the address bar at once, so it is never bookmarked,
// shared or sent on as a referrer.
import { api } from '/common/assets/api.js';
import {
  completeSignIn,
  signedOutFrom,
  SIGNED_OUT_PATH,
  SignInRefused,
} from '/common/assets/oidc.js';

const el = (id) => document.getElementById(id);

function offerReturn(heading, returnTo, status, refusal = '') {
  el('return-link').href = returnTo;
  el('page-title').textContent = heading;
  document.title = `${heading} – Intensify`;
  el('sign-in-status').textContent = status;
  el('sign-in-refused').textContent = refusal;
  el('sign-in-refused').hidden = !refusal;
  el('sign-in-next').hidden = false;
  el('return-link').focus();
}

async function main() {
  const params = new URLSearchParams(location.search);
  history.replaceState(null, '', location.pathname);
  if (location.pathname === SIGNED_OUT_PATH) {
    offerReturn('Signed out', signedOutFrom(), 'You have signed out.');
    return;
  }
  try {
    const auth = await api.get('/api/v1/auth/config');
    location.replace(await completeSignIn(auth, params));
  } catch (e) {
    if (!(e instanceof SignInRefused)) throw e;
    offerReturn('Not signed in', e.returnTo, '', e.message);
  }
}

main().catch((e) => offerReturn('Not signed in', '/board', '', `The sign-in failed: ${e.message}`));
