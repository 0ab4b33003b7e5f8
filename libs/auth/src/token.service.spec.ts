import { TokenService } from './token.service';

describe('TokenService', () => {
  const dev = new TokenService({ mode: 'dev', devSecret: 'test-secret' });

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
});
