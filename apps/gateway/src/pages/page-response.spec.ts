import { pageConnectSources } from './page-response';

describe('page connect sources', () => {
  it('are this origin alone in dev mode', () => {
    expect(pageConnectSources({ AUTH_MODE: 'dev' })).toBe("'self'");
  });

  it('add the provider’s origin, from AUTH_ISSUER, in oidc mode', () => {
    const env = { AUTH_MODE: 'oidc' as const, AUTH_ISSUER: 'https://login.example.org/realms/x/' };
    expect(pageConnectSources(env)).toBe("'self' https://login.example.org");
  });
});
