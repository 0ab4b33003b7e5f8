import { base64url, SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, TokenService } from './token.service';

describe('TokenService', () => {
  const dev = new TokenService({ mode: 'dev', devSecret: 'test-secret' });
  const devKey = new TextEncoder().encode('test-secret');
  const devClaims = () =>
    new SignJWT({ role: 'nclcc' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject('x')
      .setIssuedAt();

  it('round-trips a dev token into its principal, and remembers it', async () => {
    const token = await dev.issueDevToken({ sub: 'r1', role: 'regional', region: 'london' });
    expect(await dev.verify(token)).toEqual({ sub: 'r1', role: 'regional', region: 'london' });
    expect(await dev.verify(token)).toEqual({ sub: 'r1', role: 'regional', region: 'london' });
  });

  it('refuses tokens signed with another secret, expired, or without the scope their role needs', async () => {
    const other = new TokenService({ mode: 'dev', devSecret: 'another-secret' });
    expect(await dev.verify(await other.issueDevToken({ sub: 'x', role: 'nclcc' }))).toBeNull();
    expect(await dev.verify(await dev.issueDevToken({ sub: 'x', role: 'nclcc' }, -10))).toBeNull();
    expect(await dev.verify(await dev.issueDevToken({ sub: 'x', role: 'regional' }))).toBeNull();
    expect(await dev.verify('not.a.token')).toBeNull();
  });

  it('tells when a token expires, and refuses one that never does', async () => {
    const before = Date.now();
    const token = await dev.issueDevToken({ sub: 'x', role: 'nclcc' }, 60);
    const verified = await dev.verifyToken(token);
    expect(verified!.expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 59_000);
    expect(verified!.expiresAt).toBeLessThanOrEqual(before + 61_000);
    const forever = await devClaims().setProtectedHeader({ alg: 'HS256' }).sign(devKey);
    expect(await dev.verify(forever)).toBeNull();
    expect(
      await dev.verify(
        await devClaims().setExpirationTime('1h').setProtectedHeader({ alg: 'HS256' }).sign(devKey),
      ),
    ).toEqual({ sub: 'x', role: 'nclcc' });
  });

  it('accepts dev tokens signed with HS256 only, never an unsigned one', async () => {
    const hs384 = await devClaims()
      .setExpirationTime('1h')
      .setProtectedHeader({ alg: 'HS384' })
      .sign(devKey);
    expect(await dev.verify(hs384)).toBeNull();
    const payload = { sub: 'x', role: 'nclcc', iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: 2e9 };
    const encode = (o: object) => base64url.encode(JSON.stringify(o));
    expect(await dev.verify(`${encode({ alg: 'none' })}.${encode(payload)}.`)).toBeNull();
  });

  it('reads role and scope from the claim names it is given', async () => {
    const names = { role: 'https://intensify/role', region: 'area', force: 'org' };
    const custom = new TokenService({ mode: 'dev', devSecret: 'test-secret', claimNames: names });
    const token = await custom.issueDevToken({ sub: 'f', role: 'force', force: 'E23000001' });
    expect(await custom.verify(token)).toEqual({ sub: 'f', role: 'force', force: 'E23000001' });
    // The same token read with the default names has no role.
    expect(await dev.verify(token)).toBeNull();
  });
});
