import { acceptsQueryToken } from './query-token-routes';

describe('routes that take ?access_token=', () => {
  it('are the documented event streams', () => {
    expect(acceptsQueryToken('/api/v1/operations/op-1/board/stream')).toBe(true);
    expect(acceptsQueryToken('/api/v1/taskings/stream')).toBe(true);
    expect(acceptsQueryToken('/api/v1/handoffs/stream')).toBe(true);
    expect(acceptsQueryToken('/api/v1/inbox/stream')).toBe(true);
  });

  it('are nothing else, even paths that end in /stream', () => {
    for (const path of [
      '/api/v1/operations',
      '/api/v1/operations/op-1/board',
      '/api/v1/operations/op-1/outcomes/stream',
      '/api/v1/operations/op-1/x/board/stream',
      '/api/v1/lines/stream',
      '/api/v1/taskings/stream/extra',
      '/stream',
    ])
      expect(acceptsQueryToken(path)).toBe(false);
  });
});
