import { Request } from 'express';

/**
 * The only routes that take the token as `?access_token=`: event streams, because browsers'
 * EventSource cannot set headers. A token in a URL ends up in logs and history, so nowhere else.
 */
const QUERY_TOKEN_ROUTES: readonly RegExp[] = [
  /^\/api\/v1\/operations\/[^/]+\/board\/stream$/,
  /^\/api\/v1\/taskings\/stream$/,
  /^\/api\/v1\/handoffs\/stream$/,
  /^\/api\/v1\/inbox\/stream$/,
];

export function acceptsQueryToken(path: string): boolean {
  return QUERY_TOKEN_ROUTES.some((route) => route.test(path));
}

/** The `?access_token=` of a stream route, if any. */
export function queryToken(req: Request): string | undefined {
  if (!acceptsQueryToken(req.path)) return undefined;
  const t = req.query.access_token;
  return typeof t === 'string' && t ? t : undefined;
}
