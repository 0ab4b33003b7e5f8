import { DOCS_CSP, pageCsp } from './content-security';

describe('content security policies', () => {
  it('lets the pages fetch only this origin in dev mode', () => {
    const csp = pageCsp({ AUTH_MODE: 'dev', AUTH_ISSUER: undefined });
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });

  it("adds the OIDC provider's origin, and only its origin, in oidc mode", () => {
    const csp = pageCsp({ AUTH_MODE: 'oidc', AUTH_ISSUER: 'https://id.example.org:8443/realms/x' });
    expect(csp['connect-src']).toEqual(["'self'", 'https://id.example.org:8443']);
    expect(csp['script-src']).toEqual(["'self'"]);
  });

  it('runs no inline script on the docs page', () => {
    expect(DOCS_CSP['script-src']).toEqual(["'self'"]);
    expect(DOCS_CSP['frame-ancestors']).toEqual(["'none'"]);
  });
});
