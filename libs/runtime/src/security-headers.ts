import { RequestHandler } from 'express';
import helmet from 'helmet';

export type CspDirectives = Record<string, string[]>;

/** An API answers data, never a page: nothing may load from it, frame it or run in it. */
export const API_CSP: CspDirectives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * helmet with the headers every service sends: `nosniff`, no framing (`frame-ancestors` and
 * `X-Frame-Options: DENY`), no referrer, and the given Content-Security-Policy. No HSTS: TLS
 * ends in front of the services, where HSTS belongs.
 */
export function securityHeaders(csp: CspDirectives = API_CSP): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
