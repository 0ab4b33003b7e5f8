import { acceptsQueryToken } from '../auth/query-token-routes';

/** The only routes that take a `text/csv` body: outcome and baseline imports, monthly line returns. */
const CSV_UPLOAD_ROUTES: readonly RegExp[] = [
  /^\/api\/v1\/operations\/[^/]+\/outcomes\/import$/,
  /^\/api\/v1\/forces\/[^/]+\/returns\/[^/]+$/,
  /^\/api\/v1\/baselines\/import$/,
];

export function isCsvUpload(method: string, path: string): boolean {
  return method === 'POST' && CSV_UPLOAD_ROUTES.some((r) => r.test(path));
}

export function isDevSignIn(method: string, path: string): boolean {
  return method === 'POST' && path === '/api/v1/auth/dev-token';
}

/** Live streams: the routes that hold a connection open (the same that take `?access_token=`). */
export function isStream(path: string): boolean {
  return acceptsQueryToken(path);
}

/**
 * Not rate limited: health (load balancers and monitors poll it) and what is not the API (the
 * pages' static files, the docs page), which costs no upstream call.
 */
export function isUnlimited(path: string): boolean {
  return path === '/api/v1/health' || !path.startsWith('/api/') || path.startsWith('/api/docs');
}
