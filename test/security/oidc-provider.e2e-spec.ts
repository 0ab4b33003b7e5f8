import { join } from 'node:path';
import { SignJWT } from 'jose';
import { freePort, waitFor } from '@intensify/testing';
import { runEnv } from '../support/run-env';
import { startService, stopService } from '../support/service-restarts';
import { providerKey, ProviderKey, TestOidcProvider } from '../support/oidc-provider';

const API = 'https://intensify.test/api';
const CLAIMS = { role: 'intensify_role', region: 'intensify_region', force: 'org_force' };
const COOLDOWN_MS = 3_000;

/** A gateway in oidc mode against a real OpenID provider, found through its discovery. */
describe('sign-in through an OpenID provider', () => {
  let provider: TestOidcProvider;
  let key: ProviderKey;
  let gateway: string;

  const me = async (token: string) =>
    fetch(`${gateway}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

  /** Signs with the provider's own key, for tokens the provider would never issue. */
  const forged = (claims: Record<string, unknown>, exp: string | null = '5m', alg = 'RS256') => {
    const jwt = new SignJWT({
      iss: provider.issuer,
      aud: API,
      sub: 'forger',
      [CLAIMS.role]: 'nclcc',
      ...claims,
    })
      .setProtectedHeader({ alg, kid: key.kid })
      .setIssuedAt();
    if (exp) jwt.setExpirationTime(exp);
    return jwt.sign(key.privateKey);
  };

  beforeAll(async () => {
    const [providerPort, gatewayPort] = await Promise.all([freePort(), freePort()]);
    provider = new TestOidcProvider(
      providerPort,
      [
        { id: 'national', secret: 'n-secret', claims: { [CLAIMS.role]: 'nclcc' } },
        {
          id: 'north-west',
          secret: 'nw-secret',
          claims: { [CLAIMS.role]: 'regional', [CLAIMS.region]: 'north-west' },
        },
        { id: 'brief', secret: 'b-secret', claims: { [CLAIMS.role]: 'nclcc' }, ttlSeconds: 4 },
      ],
      join(runEnv().logDir, 'oidc-provider.log'),
    );
    key = await providerKey('first-key');
    await provider.start(key);
    gateway = `http://127.0.0.1:${gatewayPort}`;
    startService('gateway', 'gateway-oidc', {
      PORT: String(gatewayPort),
      AUTH_MODE: 'oidc',
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: API,
      AUTH_CLIENT_ID: 'intensify-pages',
      AUTH_CLAIM_ROLE: CLAIMS.role,
      AUTH_CLAIM_REGION: CLAIMS.region,
      AUTH_CLAIM_FORCE: CLAIMS.force,
      AUTH_JWKS_COOLDOWN_MS: String(COOLDOWN_MS),
    });
    await waitFor(
      () =>
        fetch(`${gateway}/api/v1/health`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      { timeoutMs: 90_000, intervalMs: 250, what: 'the oidc gateway to be healthy' },
    );
  });

  afterAll(async () => {
    await stopService('gateway-oidc', 'SIGTERM');
    await provider.stop();
  });

  it('accepts the provider’s token, reading role and region from the configured claims', async () => {
    const res = await me(await provider.token('north-west', API));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      sub: 'north-west',
      role: 'regional',
      region: 'north-west',
    });
  });

  it('offers no dev sign-in, and tells the pages where to sign in', async () => {
    const dev = await fetch(`${gateway}/api/v1/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'x', role: 'nclcc' }),
    });
    expect(dev.status).toBe(404);
    const config = await fetch(`${gateway}/api/v1/auth/config`);
    expect(await config.json()).toEqual({
      mode: 'oidc',
      issuer: provider.issuer,
      authorizationEndpoint: `${provider.issuer}/auth`,
      tokenEndpoint: `${provider.issuer}/token`,
      clientId: 'intensify-pages',
    });
  });

  it('401 for another audience, another issuer, no expiry, or another algorithm', async () => {
    expect((await me(await provider.token('national', 'https://other.test/api'))).status).toBe(401);
    expect((await me(await forged({ iss: 'https://impostor.test' }))).status).toBe(401);
    expect((await me(await forged({}, null))).status).toBe(401);
    expect((await me(await forged({}, '5m', 'PS256'))).status).toBe(401);
    // Forged with the same key but otherwise as the provider would: the refusals are the checks'.
    expect((await me(await forged({}))).status).toBe(200);
  });

  it('401 once the provider’s token has expired', async () => {
    const token = await provider.token('brief', API);
    expect((await me(token)).status).toBe(200);
    await waitFor(
      async () => (await me(token)).status,
      (status) => status === 401,
      { timeoutMs: 10_000, intervalMs: 200, what: 'the short-lived token to be refused' },
    );
  });

  it('follows a key rotation, fetching the new keys at most once per cooldown', async () => {
    await provider.stop();
    key = await providerKey('second-key');
    await provider.start(key);
    const token = await provider.token('national', API);
    await waitFor(
      async () => (await me(token)).status,
      (status) => status === 200,
      { timeoutMs: 3 * COOLDOWN_MS, intervalMs: 250, what: 'a token of the new key to verify' },
    );
    const before = await provider.jwksHits();
    expect(before).toBeGreaterThanOrEqual(1);
    const stranger = await providerKey('unknown-key');
    for (let n = 0; n < 5; n += 1) {
      const unknown = await new SignJWT({ iss: provider.issuer, aud: API, sub: 'x', n })
        .setProtectedHeader({ alg: 'RS256', kid: stranger.kid })
        .setExpirationTime('5m')
        .sign(stranger.privateKey);
      expect((await me(unknown)).status).toBe(401);
    }
    expect((await provider.jwksHits()) - before).toBeLessThanOrEqual(1);
  });
});
