import { IncomingHttpHeaders } from 'node:http';

/**
 * Routes whose queries can name people or numbers (line holders, phone numbers, hand-offs):
 * their query strings are never logged, on the gateway (`/api/v1/…`) or behind it (`/internal/…`).
 */
const PERSON_LEVEL =
  /^\/(?:api\/v1|internal)\/(?:lines|lines-ranking|line-holders|deconfliction|handoffs|ddtros|intelligence|forces\/[^/]+\/returns)(?:[/?]|$)/;

/** Query parameters that are secrets or say why someone looked: never logged on any route. */
const SECRET_PARAMS = ['access_token', 'purpose'];

const SECRET_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-purpose'];

export const REDACTED = '[redacted]';

/** The URL as it may be logged: no query on person-level routes, no secret parameter anywhere. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const path = url.slice(0, q);
  if (PERSON_LEVEL.test(path)) return `${path}?${REDACTED}`;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of SECRET_PARAMS) if (params.has(name)) params.set(name, REDACTED);
  return `${path}?${params.toString()}`;
}

export function loggableHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out = { ...headers };
  for (const name of SECRET_HEADERS) if (name in out) out[name] = REDACTED;
  return out;
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: IncomingHttpHeaders;
  remoteAddress?: string;
}

/** pino-http's request, stripped of tokens, cookies and person-level queries. */
export function loggableRequest(req: SerializedRequest): SerializedRequest {
  return {
    id: req.id,
    method: req.method,
    url: req.url === undefined ? undefined : loggableUrl(req.url),
    headers: req.headers && loggableHeaders(req.headers),
    remoteAddress: req.remoteAddress,
  };
}
