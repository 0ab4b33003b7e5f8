import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { ServiceCredentialSigner } from './credential-signer';
import { ServiceCredentialVerifier } from './credential-verifier';
import { issueServiceCredential } from './issue-credential';
import { generateServiceKeyPair, readSigningKey, readVerifyKey } from './service-keys';
import * as verifyModule from './verify-credential';
import { verifyServiceCredential } from './verify-credential';

describe('service credentials', () => {
  const pair = generateServiceKeyPair();
  const signingKey = readSigningKey(pair.signingKey);
  const verifyKey = readVerifyKey(pair.verifyKey);
  const actor = { sub: 'r1', role: 'regional' as const, region: 'london' };
  const now = () => Math.floor(Date.now() / 1000);
  const issue = (over: Partial<Parameters<typeof issueServiceCredential>[1]> = {}) =>
    issueServiceCredential(signingKey, { issuer: 'gateway', audience: 'reporting', ...over });
  /** Claims a well-behaved caller would sign, for crafting the ones it never would. */
  const crafted = (claims: Record<string, unknown> = {}) =>
    new SignJWT({ actor, ...claims })
      .setIssuer('intensify:gateway')
      .setAudience('intensify:reporting')
      .setIssuedAt();

  it('carries the caller, the actor and the correlation id to the service it is for', async () => {
    const before = Date.now();
    const token = await issue({
      actor: { ...actor, extra: 'dropped' } as never,
      correlationId: 'c-1',
    });
    const call = await verifyServiceCredential(token, verifyKey, 'reporting');
    expect(call).toEqual({
      caller: 'intensify:gateway',
      actor,
      correlationId: 'c-1',
      expiresAt: expect.any(Number),
    });
    expect(call!.expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 60_000);
    expect(call!.expiresAt).toBeLessThanOrEqual(before + 61_000);
    expect(await verifyServiceCredential(await issue(), verifyKey, 'reporting')).toEqual({
      caller: 'intensify:gateway',
      expiresAt: expect.any(Number),
    });
  });

  it('refuses another key, another audience, an expired one and a forged actor', async () => {
    const other = readSigningKey(generateServiceKeyPair().signingKey);
    const byOther = await issueServiceCredential(other, {
      issuer: 'gateway',
      audience: 'reporting',
    });
    expect(await verifyServiceCredential(byOther, verifyKey, 'reporting')).toBeNull();
    expect(await verifyServiceCredential(await issue(), verifyKey, 'tasking')).toBeNull();
    const expired = await issue({ issuedAt: now() - 120, lifetimeSeconds: 60 });
    expect(await verifyServiceCredential(expired, verifyKey, 'reporting')).toBeNull();
    const admin = await crafted({ actor: { sub: 'x', role: 'admin' } })
      .setExpirationTime('60s')
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(signingKey);
    expect(await verifyServiceCredential(admin, verifyKey, 'reporting')).toBeNull();
    expect(await verifyServiceCredential('not.a.jwt', verifyKey, 'reporting')).toBeNull();
  });

  it('refuses any algorithm but EdDSA, and the unsigned actor header of old', async () => {
    const hs256 = await crafted()
      .setExpirationTime('60s')
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(pair.verifyKey));
    expect(await verifyServiceCredential(hs256, verifyKey, 'reporting')).toBeNull();
    const unsigned = new UnsecuredJWT({ actor })
      .setIssuer('intensify:gateway')
      .setAudience('intensify:reporting')
      .setIssuedAt()
      .setExpirationTime('60s')
      .encode();
    expect(await verifyServiceCredential(unsigned, verifyKey, 'reporting')).toBeNull();
    const oldHeader = Buffer.from(JSON.stringify(actor)).toString('base64url');
    expect(await verifyServiceCredential(oldHeader, verifyKey, 'reporting')).toBeNull();
  });

  it('refuses a credential without exp, living longer than 60 s, or from an unnamed caller', async () => {
    const sign = (t: SignJWT) => t.setProtectedHeader({ alg: 'EdDSA' }).sign(signingKey);
    expect(await verifyServiceCredential(await sign(crafted()), verifyKey, 'reporting')).toBeNull();
    const long = await sign(crafted().setExpirationTime('1h'));
    expect(await verifyServiceCredential(long, verifyKey, 'reporting')).toBeNull();
    const anyone = await sign(crafted().setIssuer('someone').setExpirationTime('60s'));
    expect(await verifyServiceCredential(anyone, verifyKey, 'reporting')).toBeNull();
    await expect(issue({ lifetimeSeconds: 3600 })).rejects.toThrow(/at most 60 s/);
  });

  it('reads keys as PEM (also with escaped line breaks) or JWK, and names a wrong one', () => {
    const jwk = JSON.stringify(verifyKey.export({ format: 'jwk' }));
    expect(readVerifyKey(jwk).equals(verifyKey)).toBe(true);
    expect(readVerifyKey(pair.verifyKey.replace(/\n/g, '\\n')).equals(verifyKey)).toBe(true);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => readVerifyKey(rsaPem)).toThrow(/SERVICE_VERIFY_KEY must be an Ed25519 public key/);
    expect(() => readSigningKey(pair.verifyKey)).toThrow(/SERVICE_SIGNING_KEY/);
    expect(() => readVerifyKey('nonsense')).toThrow(/SERVICE_VERIFY_KEY/);
  });

  it('signs once per audience and actor while the credential is fresh, the actor inside', async () => {
    const signer = new ServiceCredentialSigner('gateway', signingKey);
    const first = await signer.credentialFor('reporting', actor);
    expect(await signer.credentialFor('reporting', { ...actor })).toBe(first);
    expect(await signer.credentialFor('reporting', { ...actor, region: 'north-west' })).not.toBe(
      first,
    );
    expect(await signer.credentialFor('reporting', { ...actor, sub: 'r2' })).not.toBe(first);
    expect(await signer.credentialFor('tasking', actor)).not.toBe(first);
    const itself = await signer.credentialFor('reporting');
    expect(await signer.credentialFor('reporting')).toBe(itself);
    expect(itself).not.toBe(first);

    const verifier = new ServiceCredentialVerifier('reporting', verifyKey);
    const call = await verifier.verify(first);
    expect(call).toMatchObject({ caller: 'intensify:gateway', actor });
    expect(call).not.toHaveProperty('correlationId');
    expect(await verifier.verify(itself)).toMatchObject({ caller: 'intensify:gateway' });
    expect(await new ServiceCredentialVerifier('tasking', verifyKey).verify(itself)).toBeNull();
  });

  describe('reuse over time', () => {
    /** Only the clock is faked: promises, crypto and timers run as they do. */
    const clockAt = (now: number | Date) =>
      jest.useFakeTimers({
        now,
        doNotFake: [
          'nextTick',
          'queueMicrotask',
          'setImmediate',
          'clearImmediate',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'hrtime',
          'performance',
        ],
      });
    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });

    it('signs a new credential 10 s before the old one expires, so none is sent stale', async () => {
      clockAt(new Date('2026-12-01T12:00:00.000Z'));
      const signer = new ServiceCredentialSigner('gateway', signingKey);
      const first = await signer.credentialFor('reporting', actor);
      jest.setSystemTime(new Date('2026-12-01T12:00:49.999Z'));
      expect(await signer.credentialFor('reporting', actor)).toBe(first);
      jest.setSystemTime(new Date('2026-12-01T12:00:50.000Z'));
      const second = await signer.credentialFor('reporting', actor);
      expect(second).not.toBe(first);
      const claims = (t: string) =>
        JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString());
      expect(claims(first).exp - claims(first).iat).toBe(60);
      expect(claims(second).iat).toBe(claims(first).iat + 50);
    });

    it('remembers a verified credential until its exp and no longer', async () => {
      const verifier = new ServiceCredentialVerifier('reporting', verifyKey);
      const token = await issue({ actor });
      const check = jest.spyOn(verifyModule, 'verifyServiceCredential');
      const call = await verifier.verify(token);
      expect(call?.actor).toEqual(actor);
      expect(check).toHaveBeenCalledTimes(1);
      // Remembered: the same answer, without checking the signature again.
      expect(await verifier.verify(token)).toBe(call);
      expect(check).toHaveBeenCalledTimes(1);
      // At its exp the memory no longer answers: the token is checked again (and, past the
      // clocks' tolerance, refused).
      clockAt(call!.expiresAt);
      await verifier.verify(token);
      expect(check).toHaveBeenCalledTimes(2);
      clockAt(call!.expiresAt + 6_000);
      expect(await verifier.verify(token)).toBeNull();
    });

    it('checks a burst of the same new credential once', async () => {
      const verifier = new ServiceCredentialVerifier('reporting', verifyKey);
      const token = await issue({ actor });
      const check = jest.spyOn(verifyModule, 'verifyServiceCredential');
      const calls = await Promise.all(Array.from({ length: 20 }, () => verifier.verify(token)));
      expect(check).toHaveBeenCalledTimes(1);
      expect(new Set(calls).size).toBe(1);
      expect(calls[0]?.actor).toEqual(actor);
    });

    it('does not remember a refused credential', async () => {
      const verifier = new ServiceCredentialVerifier('tasking', verifyKey);
      const token = await issue({ actor });
      expect(await verifier.verify(token)).toBeNull();
      expect(await verifier.verify(token)).toBeNull();
    });
  });
});
