import { base64url, decodeJwt, SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, TokenService } from '@intensify/auth';
import { BUILT_IN_DEV_SECRET } from '../../apps/gateway/src/auth/auth-settings';
import { api, tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { createActiveWeek } from '../support/scenario';
import { readUntilEnd } from '../support/sse';

/** Signs as the test gateway's dev sign-in does (the built-in secret of local runs). */
const devSigner = new TokenService({ mode: 'dev', devSecret: BUILT_IN_DEV_SECRET });
const devKey = new TextEncoder().encode(BUILT_IN_DEV_SECRET);
const nclccClaims = () =>
  new SignJWT({ role: 'nclcc' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject('n')
    .setIssuedAt();

describe('dev tokens', () => {
  let op: { id: string };
  beforeAll(async () => {
    op = await createActiveWeek('Token week');
  });

  it('carry an expiry from the dev sign-in, and work', async () => {
    const token = await tokenFor({ role: 'nclcc' });
    expect(decodeJwt(token).exp).toBeGreaterThan(Date.now() / 1000);
    expect((await api('GET', '/api/v1/me', { token })).status).toBe(200);
  });

  it('401 for a token without exp, signed with another algorithm, or not signed', async () => {
    const forever = await nclccClaims().setProtectedHeader({ alg: 'HS256' }).sign(devKey);
    expect((await api('GET', '/api/v1/me', { token: forever })).status).toBe(401);
    const hs512 = await nclccClaims()
      .setExpirationTime('1h')
      .setProtectedHeader({ alg: 'HS512' })
      .sign(devKey);
    expect((await api('GET', '/api/v1/me', { token: hs512 })).status).toBe(401);
    const claims = { sub: 'n', role: 'nclcc', iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: 2e9 };
    const part = (o: object) => base64url.encode(JSON.stringify(o));
    const unsigned = `${part({ alg: 'none' })}.${part(claims)}.`;
    expect((await api('GET', '/api/v1/me', { token: unsigned })).status).toBe(401);
    // The same claims signed as the gateway signs are accepted: the refusals are the checks'.
    const signed = await nclccClaims()
      .setExpirationTime('1h')
      .setProtectedHeader({ alg: 'HS256' })
      .sign(devKey);
    expect((await api('GET', '/api/v1/me', { token: signed })).status).toBe(200);
  });

  it('are taken as ?access_token= on the stream routes only', async () => {
    const token = await tokenFor({ role: 'nclcc' });
    const q = `access_token=${token}`;
    expect((await api('GET', `/api/v1/me?${q}`)).status).toBe(401);
    expect((await api('GET', `/api/v1/operations/${op.id}/board?${q}`)).status).toBe(401);
    expect((await api('GET', `/api/v1/operations/${op.id}/board/timeline?${q}`)).status).toBe(401);
    const stream = await fetch(
      `${runEnv().gatewayUrl}/api/v1/operations/${op.id}/board/stream?${q}`,
    );
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
  });
});

describe('a live stream', () => {
  it('ends when its token expires, telling the page why', async () => {
    const op = await createActiveWeek('Expiring stream week');
    const token = await devSigner.issueDevToken({ sub: 'n', role: 'nclcc' }, 4);
    const expiresAt = decodeJwt(token).exp! * 1000;
    const base = runEnv().gatewayUrl;
    const [board, taskings] = await Promise.all([
      readUntilEnd(`${base}/api/v1/operations/${op.id}/board/stream?access_token=${token}`, 20_000),
      readUntilEnd(
        `${base}/api/v1/taskings/stream?operationId=${op.id}&access_token=${token}`,
        20_000,
      ),
    ]);
    const endedAt = Date.now();
    for (const { frames, endedByServer } of [board, taskings]) {
      expect(endedByServer).toBe(true);
      expect(frames.at(-1)).toEqual({
        event: 'token-expired',
        data: { expiredAt: new Date(expiresAt).toISOString() },
      });
    }
    expect(board.frames[0].event).toBe('board');
    expect(taskings.frames[0].event).toBe('taskings');
    expect(endedAt).toBeGreaterThanOrEqual(expiresAt);
    expect(endedAt).toBeLessThan(expiresAt + 3_000);
    // Reconnecting with the expired token is refused: the page must sign in again.
    const again = await fetch(
      `${base}/api/v1/operations/${op.id}/board/stream?access_token=${token}`,
    );
    expect(again.status).toBe(401);
  });
});
