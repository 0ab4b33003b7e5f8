import helmet from 'helmet';
import { API_CSP, headersSetBy, securityHeaders } from './security-headers';

/** Runs a middleware against a stand-in answer and returns the headers it ended with. */
function answerOf(mw: ReturnType<typeof securityHeaders>): Record<string, string> {
  const headers: Record<string, string> = { 'x-powered-by': 'Express' };
  const res = {
    setHeader: (n: string, v: string) => (headers[n.toLowerCase()] = String(v)),
    removeHeader: (n: string) => delete headers[n.toLowerCase()],
  };
  let called = 0;
  mw({} as never, res as never, () => (called += 1));
  expect(called).toBe(1);
  return headers;
}

describe('security headers', () => {
  const options = (directives: Record<string, string[]>) =>
    ({
      contentSecurityPolicy: { useDefaults: false, directives },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }) as const;
  const page = { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] };

  it.each([
    ['the API', API_CSP],
    ['a page', page],
  ])('sets exactly what helmet sets, for %s', (_, csp) => {
    const ours = answerOf(securityHeaders(csp));
    const helmets = answerOf(helmet(options(csp)) as never);
    expect(ours).toEqual(helmets);
    expect(ours['x-powered-by']).toBeUndefined();
    expect(ours['x-frame-options']).toBe('DENY');
    expect(ours['x-content-type-options']).toBe('nosniff');
    expect(ours['referrer-policy']).toBe('no-referrer');
    expect(ours['strict-transport-security']).toBeUndefined();
  });

  it('puts each policy in its own headers', () => {
    expect(answerOf(securityHeaders())['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
    expect(answerOf(securityHeaders(page))['content-security-policy']).toBe(
      "default-src 'self';img-src 'self' data:",
    );
  });

  it('refuses a middleware that does not finish at once', () => {
    expect(() => headersSetBy((_req, _res, next) => setTimeout(next, 0))).toThrow(/synchronously/);
  });
});
