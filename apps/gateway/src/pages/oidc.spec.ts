import { createHash } from 'node:crypto';
// @ts-expect-error -- a browser ES module of the pages, without type declarations
import * as oidc from '../../public/common/oidc.js';

const { codeChallenge, idTokenMatches, randomToken, safeReturn } = oidc;

const jwt = (claims: object) =>
  ['{"alg":"RS256"}', JSON.stringify(claims)]
    .map((part) => Buffer.from(part).toString('base64url'))
    .concat('signature')
    .join('.');

describe('the pages’ OpenID sign-in', () => {
  it('sends the S256 challenge of a fresh, URL-safe verifier', async () => {
    const verifier: string = randomToken();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(verifier);
    const expected = createHash('sha256').update(verifier).digest('base64url');
    expect(await codeChallenge(verifier)).toBe(expected);
  });

  it('takes an ID token only from its issuer, for this client and this sign-in’s nonce', () => {
    const want = { issuer: 'https://idp.test', clientId: 'pages', nonce: 'n-1' };
    const good = { iss: 'https://idp.test', aud: 'pages', nonce: 'n-1' };
    expect(idTokenMatches(jwt(good), want)).toBe(true);
    expect(idTokenMatches(jwt({ ...good, aud: ['other', 'pages'] }), want)).toBe(true);
    expect(idTokenMatches(jwt({ ...good, nonce: 'n-2' }), want)).toBe(false);
    expect(idTokenMatches(jwt({ ...good, iss: 'https://evil.test' }), want)).toBe(false);
    expect(idTokenMatches(jwt({ ...good, aud: 'other' }), want)).toBe(false);
    expect(idTokenMatches(undefined, want)).toBe(false);
    expect(idTokenMatches('not-a-jwt', want)).toBe(false);
  });

  it('returns only to a path of this origin', () => {
    expect(safeReturn('/board/1?x=1#y')).toBe('/board/1?x=1#y');
    expect(safeReturn('//evil.test/x')).toBe('/board');
    expect(safeReturn('https://evil.test/')).toBe('/board');
    expect(safeReturn(null)).toBe('/board');
  });
});
