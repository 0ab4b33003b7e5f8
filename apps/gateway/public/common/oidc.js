// Sign-in through the organisation's OpenID provider: the authorization code flow with PKCE
// (S256) as a public client, no secret. What the answer must match (state, nonce, verifier)
// waits in this tab's sessionStorage while the browser is at the provider; the provider comes
// back to one fixed callback page, which returns to the page the user started from.
import { session } from './api.js';

export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/auth/signed-out';
const PENDING_KEY = 'intensify.oidc.pending';
const SIGNED_IN_AT_KEY = 'intensify.oidc.signed-in-at';
const SIGNED_OUT_FROM_KEY = 'intensify.oidc.signed-out-from';
/** A token that ends sooner than this after sign-in is not renewed by leaving the page again. */
const SHORTEST_AUTO_RENEWAL_MS = 10_000;

/** A sign-in answer the page does not accept; `message` says why, for the user. */
export class SignInRefused extends Error {
  constructor(message, returnTo = '/board') {
    super(message);
    this.returnTo = returnTo;
  }
}

const toBase64url = (bytes) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64url = (text) => atob(text.replace(/-/g, '+').replace(/_/g, '/'));

export const randomToken = () => toBase64url(crypto.getRandomValues(new Uint8Array(32)));

/** The PKCE S256 challenge of `verifier` (RFC 7636). */
export async function codeChallenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return toBase64url(new Uint8Array(digest));
}

/** Whether the gateway told the page everything the flow needs. */
export const oidcReady = (auth) =>
  Boolean(auth.authorizationEndpoint && auth.tokenEndpoint && auth.clientId);

const callbackUri = () => new URL(CALLBACK_PATH, location.origin).href;

/** Only a path of this origin is a place to return to. */
export const safeReturn = (path) =>
  typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : '/board';

/** Sends the browser to the provider's sign-in; it comes back to `returnTo` signed in. */
export async function beginSignIn(auth, returnTo) {
  const pending = { state: randomToken(), nonce: randomToken(), verifier: randomToken(), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(auth.authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: callbackUri(),
    scope: 'openid',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  location.assign(url.href);
}

/** The claims of a JWT, unverified: the ID token comes straight from the token endpoint. */
function claimsOf(jwt) {
  try {
    return JSON.parse(fromBase64url(jwt.split('.')[1]));
  } catch {
    return null;
  }
}

/** Whether the ID token is for this client, from this issuer, and for this sign-in. */
export function idTokenMatches(idToken, { issuer, clientId, nonce }) {
  const claims = idToken ? claimsOf(idToken) : null;
  const audiences = [claims?.aud].flat();
  return Boolean(
    claims && claims.iss === issuer && audiences.includes(clientId) && claims.nonce === nonce,
  );
}

async function tokenRequest(auth, fields, returnTo) {
  let res;
  try {
    res = await fetch(auth.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ client_id: auth.clientId, ...fields }),
    });
  } catch {
    throw new SignInRefused('The sign-in service could not be reached. Try again.', returnTo);
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.access_token)
    throw new SignInRefused(
      `The sign-in service refused: ${body.error_description ?? body.error ?? res.status}.`,
      returnTo,
    );
  return body;
}

/**
 * Completes the sign-in the provider answered on the callback page (`params` from its address):
 * checks `state` against this tab's pending request, exchanges the code with the verifier, checks
 * the ID token's nonce and keeps the tokens. Answers the path to return to.
 */
export async function completeSignIn(auth, params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  // One answer per request: a second use of the same state is refused too.
  sessionStorage.removeItem(PENDING_KEY);
  const returnTo = safeReturn(pending?.returnTo);
  const refuse = (why) => new SignInRefused(`${why} Sign in again.`, returnTo);
  if (!pending || params.get('state') !== pending.state)
    throw refuse('This answer from the sign-in service was not for a sign-in from this tab.');
  if (params.get('error'))
    throw refuse(
      `The sign-in service did not sign you in: ${params.get('error_description') ?? params.get('error')}.`,
    );
  if (params.has('iss') && params.get('iss') !== auth.issuer)
    throw refuse('The answer came from another sign-in service.');
  const tokens = await tokenRequest(
    auth,
    {
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: callbackUri(),
      code_verifier: pending.verifier,
    },
    returnTo,
  );
  const expected = { issuer: auth.issuer, clientId: auth.clientId, nonce: pending.nonce };
  if (!idTokenMatches(tokens.id_token, expected))
    throw refuse('The sign-in service answered for another sign-in.');
  session.start(tokens.access_token, tokens.refresh_token);
  sessionStorage.setItem(SIGNED_IN_AT_KEY, String(Date.now()));
  return returnTo;
}

/** Answers whether a refresh token the provider gave earlier brought a fresh access token. */
export async function refreshSignIn(auth) {
  const refreshToken = session.refreshToken();
  if (!refreshToken || !oidcReady(auth)) return false;
  try {
    const tokens = await tokenRequest(auth, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    session.start(tokens.access_token, tokens.refresh_token ?? refreshToken);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the page may send the user back to the provider by itself: not when the last
 * sign-in was only moments ago, so that tokens which end at once cannot loop the page.
 */
export function mayRenewByRedirect(now = Date.now()) {
  const at = Number(sessionStorage.getItem(SIGNED_IN_AT_KEY) ?? 0);
  return now - at >= SHORTEST_AUTO_RENEWAL_MS;
}

/** Forgets the tokens and, if the provider ends sessions too, goes there; answers if it did. */
export async function signOutAtProvider(auth) {
  session.end();
  sessionStorage.removeItem(SIGNED_IN_AT_KEY);
  sessionStorage.setItem(SIGNED_OUT_FROM_KEY, `${location.pathname}${location.search}`);
  const discovery = await fetch(
    `${auth.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
  )
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  if (!discovery.end_session_endpoint) return false;
  const url = new URL(discovery.end_session_endpoint);
  url.searchParams.set('client_id', auth.clientId);
  url.searchParams.set('post_logout_redirect_uri', new URL(SIGNED_OUT_PATH, location.origin).href);
  location.assign(url.href);
  return true;
}

/** The page the user signed out from, for the signed-out page's way back. */
export const signedOutFrom = () => safeReturn(sessionStorage.getItem(SIGNED_OUT_FROM_KEY));
