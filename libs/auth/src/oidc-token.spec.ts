import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { TokenService } from './token.service';

interface SigningKey {
  kid: string;
  alg: string;
  privateKey: KeyLike;
  jwk: JWK;
}

async function signingKey(kid: string, alg = 'RS256'): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A provider's discovery document and key set, counting how often the keys are fetched. */
class FakeProvider {
  keys: SigningKey[] = [];
  jwksHits = 0;
  private server!: Server;
  issuer = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: this.issuer, jwks_uri: `${this.issuer}/jwks` }));
      } else if (req.url === '/jwks') {
        this.jwksHits += 1;
        res.end(JSON.stringify({ keys: this.keys.map((k) => k.jwk) }));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  sign(key: SigningKey, claims: Record<string, unknown> = {}, exp: string | null = '5m') {
    const standard = { iss: this.issuer, aud: 'intensify-api', sub: 'user-1', role: 'nclcc' };
    const jwt = new SignJWT({ ...standard, ...claims })
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .setIssuedAt();
    if (exp) jwt.setExpirationTime(exp);
    return jwt.sign(key.privateKey);
  }
}

describe('TokenService with an OpenID provider', () => {
  const provider = new FakeProvider();
  let first: SigningKey;

  beforeAll(async () => {
    await provider.start();
    first = await signingKey('k1');
    provider.keys = [first, await signingKey('ec', 'ES256')];
  });
  afterAll(() => provider.stop());

  const service = (cooldownMs = 60_000) =>
    new TokenService({
      mode: 'oidc',
      issuer: provider.issuer,
      audience: 'intensify-api',
      jwksCooldownMs: cooldownMs,
    });

  it('finds the key set through discovery and verifies the provider’s tokens', async () => {
    const tokens = service();
    expect(await tokens.verify(await provider.sign(first))).toEqual({
      sub: 'user-1',
      role: 'nclcc',
    });
    expect((await tokens.provider()).jwks_uri).toBe(`${provider.issuer}/jwks`);
  });

  it('refuses another issuer or audience, no expiry, and algorithms not configured', async () => {
    const tokens = service();
    expect(
      await tokens.verify(await provider.sign(first, { iss: 'https://elsewhere' })),
    ).toBeNull();
    expect(await tokens.verify(await provider.sign(first, { aud: 'another-api' }))).toBeNull();
    expect(await tokens.verify(await provider.sign(first, {}, null))).toBeNull();
    expect(await tokens.verify(await provider.sign(first, {}, '-1m'))).toBeNull();
    const ec = provider.keys.find((k) => k.kid === 'ec')!;
    expect(await tokens.verify(await provider.sign(ec))).toBeNull();
    const withEc = new TokenService({
      mode: 'oidc',
      issuer: provider.issuer,
      audience: 'intensify-api',
      algorithms: ['RS256', 'ES256'],
    });
    expect(await withEc.verify(await provider.sign(ec))).toEqual({ sub: 'user-1', role: 'nclcc' });
  });

  it('refetches the key set for an unknown key at most once per cooldown', async () => {
    const tokens = service(400);
    expect(await tokens.verify(await provider.sign(first))).not.toBeNull();
    const hits = provider.jwksHits;
    const rotated = await signingKey('k2');
    const stranger = await signingKey('k3');
    provider.keys = [rotated];
    const fromStranger: unknown[] = [];
    for (const n of [1, 2, 3, 4, 5])
      fromStranger.push(await tokens.verify(await provider.sign(stranger, { n })));
    expect(fromStranger).toEqual([null, null, null, null, null]);
    // Within the cooldown: one fetch at most, however many unknown keys arrive.
    expect(provider.jwksHits - hits).toBeLessThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 450));
    expect(await tokens.verify(await provider.sign(rotated))).toEqual({
      sub: 'user-1',
      role: 'nclcc',
    });
    expect(provider.jwksHits - hits).toBeLessThanOrEqual(2);
  });
});
