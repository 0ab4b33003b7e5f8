import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { ServiceCredentialSigner } from './credential-signer';
import { ServiceCredentialVerifier } from './credential-verifier';
import { issueServiceCredential } from './issue-credential';
import { generateServiceKeyPair, readSigningKey, readVerifyKey } from './service-keys';
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

  it('signs once per audience, actor and correlation id while the credential is fresh', async () => {
    const signer = new ServiceCredentialSigner('gateway', signingKey);
    const first = await signer.credentialFor('reporting', { actor, correlationId: 'c-1' });
    expect(await signer.credentialFor('reporting', { actor, correlationId: 'c-1' })).toBe(first);
    expect(await signer.credentialFor('reporting', { actor, correlationId: 'c-2' })).not.toBe(
      first,
    );
    expect(await signer.credentialFor('tasking', { actor, correlationId: 'c-1' })).not.toBe(first);
    const itself = await signer.credentialFor('reporting');
    expect(await signer.credentialFor('reporting')).toBe(itself);

    const verifier = new ServiceCredentialVerifier('reporting', verifyKey);
    expect((await verifier.verify(first))?.correlationId).toBe('c-1');
    expect((await verifier.verify(first))?.actor).toEqual(actor);
    expect(await verifier.verify(itself)).toMatchObject({ caller: 'intensify:gateway' });
    expect(await new ServiceCredentialVerifier('tasking', verifyKey).verify(itself)).toBeNull();
  });
});
