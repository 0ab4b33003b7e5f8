import { loggableRequest, loggableUrl } from './log-redaction';

describe('request log redaction', () => {
  it('drops the whole query of person-level routes, public and internal', () => {
    expect(loggableUrl('/api/v1/lines?number=07700900123&limit=5')).toBe(
      '/api/v1/lines?[redacted]',
    );
    expect(loggableUrl('/internal/lines?number=07700900123')).toBe('/internal/lines?[redacted]');
    expect(loggableUrl('/api/v1/line-holders?linkedLines%3E=2')).toBe(
      '/api/v1/line-holders?[redacted]',
    );
    expect(loggableUrl('/api/v1/handoffs/stream?operationId=x&purpose=visit')).toBe(
      '/api/v1/handoffs/stream?[redacted]',
    );
  });

  it('hides access_token and purpose on every route and keeps the rest', () => {
    expect(loggableUrl('/api/v1/operations/1/board/stream?access_token=eyJ.a.b&x=1')).toBe(
      '/api/v1/operations/1/board/stream?access_token=%5Bredacted%5D&x=1',
    );
    expect(loggableUrl('/api/v1/taskings?purpose=why&operationId=7')).toBe(
      '/api/v1/taskings?purpose=%5Bredacted%5D&operationId=7',
    );
    expect(loggableUrl('/api/v1/health')).toBe('/api/v1/health');
  });

  it('hides credentials and cookies, and leaves out query and params', () => {
    const out = loggableRequest({
      id: 1,
      method: 'GET',
      url: '/api/v1/lines?number=07700900123',
      headers: { authorization: 'Bearer eyJ.a.b', cookie: 'sid=1', accept: 'application/json' },
      remoteAddress: '127.0.0.1',
    });
    expect(JSON.stringify(out)).not.toMatch(/eyJ|sid=1|07700900123/);
    expect(out.headers).toMatchObject({ accept: 'application/json' });
  });
});
