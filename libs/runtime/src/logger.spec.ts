import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLoggerOptions } from './logger';

/** One request through pino-http with these options; what its two loggers then write. */
function logsOf(logRequests: boolean) {
  const lines: Record<string, unknown>[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const middleware = pinoHttp(requestLoggerOptions('test', 'info', logRequests), out);
  const req = new IncomingMessage(new Socket());
  req.method = 'POST';
  req.url = '/api/v1/operations/op-1/outcomes?access_token=secret-token';
  req.headers = { authorization: 'Bearer secret-token', 'content-type': 'application/json' };
  const res = new ServerResponse(req);
  middleware(req, res);
  req.log.info('inside the request');
  res.log.info('completion line');
  return lines;
}

describe('request logger', () => {
  it('with request logs off, tags in-request logs with reqId and serialises no request', () => {
    const [inside, completion] = logsOf(false);
    expect(inside).toMatchObject({ msg: 'inside the request', reqId: expect.anything() });
    expect(inside).not.toHaveProperty('req');
    expect(completion).toMatchObject({ msg: 'completion line', reqId: inside.reqId });
    expect(completion).not.toHaveProperty('req');
    expect(JSON.stringify([inside, completion])).not.toMatch(/secret-token|outcomes/);
  });

  it('with request logs on, serialises the request without its secrets', () => {
    const [inside, completion] = logsOf(true);
    expect(inside).not.toHaveProperty('req');
    expect(completion).toMatchObject({
      req: {
        method: 'POST',
        url: '/api/v1/operations/op-1/outcomes?access_token=%5Bredacted%5D',
        headers: { authorization: '[redacted]', 'content-type': 'application/json' },
      },
    });
    expect(JSON.stringify(completion)).not.toMatch(/secret-token/);
  });
});
