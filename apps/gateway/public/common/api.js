// Talks to this origin's public API; every failure becomes an ApiError carrying a problem.
// Shared by the pages: one sign-in per browser tab serves the reporting page and the board.
import { ensurePurpose, purpose } from './purpose.js';

// sessionStorage, never localStorage: a sign-in lasts as long as its tab.
const TOKEN_KEY = 'intensify.token';
const REFRESH_KEY = 'intensify.refresh-token';

/** Signing out ends the purpose given for the session too. */
export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  /** The provider's refresh token, if it gave one, for renewing without leaving the page. */
  refreshToken: () => sessionStorage.getItem(REFRESH_KEY),
  start(token, refreshToken) {
    sessionStorage.setItem(TOKEN_KEY, token);
    if (refreshToken) sessionStorage.setItem(REFRESH_KEY, refreshToken);
    else sessionStorage.removeItem(REFRESH_KEY);
  },
  end() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
    purpose.clear();
  },
};

/** Headers for a request the page makes itself (a download): the token and the purpose. */
export async function authHeaders() {
  const why = await ensurePurpose();
  if (!why) return null;
  return { authorization: `Bearer ${session.token()}`, 'x-purpose': why };
}

/** An event stream's URL with the session's purpose: EventSource cannot send headers. */
export function withPurpose(url) {
  const why = purpose.get();
  if (!why) return url;
  return `${url}${url.includes('?') ? '&' : '?'}purpose=${encodeURIComponent(why)}`;
}

/** A refused or failed request. `problem` is the server's problem+json or one made up here. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title);
    this.status = status;
    this.problem = { errors: [], ...problem };
  }

  /** No answer, or a server fault: the same request may be tried again unchanged. */
  get retryable() {
    return this.status === 0 || this.status >= 500;
  }
}

let onSignedOut = () => {};

/** Called when the server no longer accepts the token, so the page can ask to sign in again. */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

let renew = async () => false;

/** Set by the page shell: how the page signs in afresh when a live stream's token has expired. */
export function whenTokenExpired(handler) {
  renew = handler;
}

/**
 * For a live stream the server ended with `token-expired`: resolves true once this tab holds
 * a fresh token for the same user (the stream may reopen), false if the page started over.
 */
export const renewSignIn = () => renew();

/**
 * A request with the session's purpose once given. Reads of person-level data need one: the
 * server's `purpose_required` asks the user (once per session), then the request is sent again.
 */
export async function request(method, path, options = {}) {
  try {
    return await send(method, path, options);
  } catch (e) {
    if (!(e instanceof ApiError) || e.problem.code !== 'purpose_required' || purpose.get()) throw e;
    if (!(await ensurePurpose())) throw e;
    return send(method, path, options);
  }
}

async function send(method, path, { json, text, contentType, headers = {} } = {}) {
  const token = session.token();
  const init = { method, headers: { accept: 'application/json', ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  const why = purpose.get();
  if (why) init.headers['x-purpose'] = why;
  if (json !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (text !== undefined) {
    init.headers['content-type'] = contentType;
    init.body = text;
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, {
      code: 'network_error',
      title: 'No answer from the server',
      detail: 'The server could not be reached. Check your connection and try again.',
    });
  }
  const body = await readBody(res);
  if (res.ok) return { status: res.status, body };
  const problem =
    body && typeof body === 'object'
      ? body
      : {
          code: `http_${res.status}`,
          title: res.statusText,
          detail: `The server answered ${res.status}.`,
        };
  if (res.status === 401 && token) {
    session.end();
    onSignedOut('Your sign-in has expired or is no longer valid. Please sign in again.');
  }
  throw new ApiError(res.status, problem);
}

async function readBody(res) {
  const raw = await res.text();
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export const api = {
  get: (path) => request('GET', path).then((r) => r.body),
  post: (path, json, headers) => request('POST', path, { json, headers }),
};
