import { request as httpRequest } from 'node:http';
import { api, tokenFor } from '../support/api';
import { startExtraGateway, ExtraGateway } from '../support/extra-gateway';
import { LARGE_RETURN_ROWS, latenciesDuringUpload, p99 } from '../support/large-upload';
import { runEnv } from '../support/run-env';
import { createActiveWeek, MET } from '../support/scenario';

const MIB = 1024 * 1024;

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

function expectRateLimited(res: { status: number; headers: Headers; body: any }): void {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('rate_limited');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

interface RawAnswer {
  status: number;
  body: string;
  /** Bytes of the body the client had written when the answer arrived. */
  sentBeforeAnswer: number;
}

/**
 * Uploads `total` bytes of `chunk`-sized pieces (header first) as fast as the socket takes them,
 * with or without a declared length, and stops writing once the gateway answers.
 */
function rawUpload(
  url: string,
  token: string,
  head: string,
  fill: Buffer,
  total: number,
  declareLength: boolean,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        ...(declareLength && { 'content-length': String(total) }),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body, sentBeforeAnswer });
        req.destroy();
      });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && sent < total) {
        const piece =
          sent === 0 ? Buffer.from(head) : fill.subarray(0, Math.min(fill.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', () => setTimeout(pump, 5));
      }
      if (!answered && sent >= total) req.end();
    };
    pump();
  });
}

describe('rate limits, shared by every gateway instance', () => {
  let a: ExtraGateway;
  let b: ExtraGateway;
  let narrow: ExtraGateway;
  // Limits of their own, counted under their own Redis keys, apart from the run's gateway.
  const shared = {
    REDIS_PREFIX: `${runEnv().redisPrefix}-limits`,
    RATE_LIMIT_PER_USER: '20',
    RATE_LIMIT_PER_ADDRESS: '100000',
    RATE_LIMIT_DEV_TOKEN: '5',
    RATE_LIMIT_UPLOADS: '3',
    STREAM_MAX_PER_USER: '3',
  };

  beforeAll(async () => {
    [a, b, narrow] = await Promise.all([
      startExtraGateway('gateway-limits-a', shared),
      startExtraGateway('gateway-limits-b', shared),
      startExtraGateway('gateway-limits-address', {
        REDIS_PREFIX: `${runEnv().redisPrefix}-limits-address`,
        RATE_LIMIT_PER_ADDRESS: '30',
      }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a, b, narrow].filter(Boolean).map((g) => g.stop()));
  });

  it("counts one user's requests across both instances and answers 429 with Retry-After beyond", async () => {
    const token = await tokenFor({ sub: 'limits-burst', role: 'nclcc' });
    const answers = [];
    for (let i = 0; i < 26; i++)
      answers.push(await call(i % 2 ? a.url : b.url, 'GET', '/api/v1/operations', token));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(20);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(6);
    for (const r of refused) expectRateLimited(r);
    // Another user is not held up by the first.
    const other = await tokenFor({ sub: 'limits-other', role: 'nclcc' });
    expect((await call(a.url, 'GET', '/api/v1/operations', other)).status).toBe(200);
  });

  it('limits dev sign-ins per address more strictly', async () => {
    const answers = [];
    for (let i = 0; i < 7; i++)
      answers.push(
        await call(a.url, 'POST', '/api/v1/auth/dev-token', undefined, {
          sub: `limits-signin-${i}`,
          role: 'commander',
        }),
      );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expectRateLimited(answers[5]);
  });

  it('limits CSV uploads per user more strictly', async () => {
    const token = await tokenFor({ sub: 'limits-uploads', role: 'nclcc' });
    const op = await createActiveWeek('Upload limits week');
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${b.url}/api/v1/operations/${op.id}/outcomes/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: `idempotencyKey,type,force,occurredAt,count\nup-${i},arrest,${MET},${new Date().toISOString()},1`,
      });
      statuses.push(res.status);
      if (res.status === 429)
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('caps the live streams one user holds open, on every instance, and frees a slot on close', async () => {
    const token = await tokenFor({ sub: 'limits-streams', role: 'nclcc' });
    const op = await createActiveWeek('Stream cap week');
    const path = `/api/v1/operations/${op.id}/board/stream?access_token=${token}`;
    const viewers = [new AbortController(), new AbortController(), new AbortController()];
    const open = [];
    for (const [i, v] of viewers.entries())
      open.push(await fetch(`${(i % 2 ? a : b).url}${path}`, { signal: v.signal }));
    expect(open.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const base of [a.url, b.url]) {
      const fourth = await fetch(`${base}${path}`);
      expect(fourth.status).toBe(429);
      expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await fourth.json()) as any).code).toBe('rate_limited');
    }
    viewers[0].abort();
    let again: Response | undefined;
    const until = Date.now() + 10_000;
    const next = new AbortController();
    while (Date.now() < until) {
      again = await fetch(`${a.url}${path}`, { signal: next.signal });
      if (again.status === 200) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(again?.status).toBe(200);
    next.abort();
    for (const v of viewers) v.abort();
  });

  it('counts every caller from one address, and never holds up health or the pages', async () => {
    const statuses = [];
    for (let i = 0; i < 36; i++) {
      const token = await tokenFor({ sub: `limits-address-${i % 4}`, role: 'nclcc' });
      statuses.push((await call(narrow.url, 'GET', '/api/v1/operations', token)).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429, 429]);
    expectRateLimited(await call(narrow.url, 'GET', '/api/v1/forces'));
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${narrow.url}/api/v1/health`)).status).toBe(200);
      expect((await fetch(`${narrow.url}/report`)).status).toBe(200);
    }
  });
});

describe('CSV uploads under their limits', () => {
  let op: { id: string };
  let token: string;

  beforeAll(async () => {
    op = await createActiveWeek('CSV limits week');
    token = await tokenFor({ role: 'nclcc' });
  });

  it('answers 415 for a CSV body anywhere but the CSV imports', async () => {
    const res = await api('POST', `/api/v1/operations/${op.id}/outcomes`, {
      token,
      raw: 'type,force\narrest,BTP',
      headers: { 'content-type': 'text/csv', 'idempotency-key': 'csv-elsewhere' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
    const ops = await api('POST', '/api/v1/operations', {
      token,
      raw: 'name\nweek',
      headers: { 'content-type': 'text/csv' },
    });
    expect(ops.status).toBe(415);
  });

  it('refuses a declared length over 10 MiB before reading the body', async () => {
    const res = await rawUpload(
      `${runEnv().gatewayUrl}/api/v1/operations/${op.id}/outcomes/import`,
      token,
      'idempotencyKey,type,force,occurredAt,note\n',
      Buffer.alloc(64 * 1024, 'y'),
      11 * MIB,
      true,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).detail).toMatch(/10 MiB/);
    expect(res.sentBeforeAnswer).toBeLessThan(11 * MIB);
  });

  it('stops reading an undeclared upload at 10 MiB and answers 413 before the client is done', async () => {
    const res = await rawUpload(
      `${runEnv().gatewayUrl}/api/v1/operations/${op.id}/outcomes/import`,
      token,
      'idempotencyKey,type,force,occurredAt,note\nk,arrest,BTP,2026-01-01T00:00:00Z,',
      Buffer.alloc(256 * 1024, 'y'),
      40 * MIB,
      false,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'payload_too_large' });
    expect(JSON.parse(res.body).detail).toMatch(/10 MiB/);
    // Sockets buffer a little beyond the limit; never the 40 MiB the client had to send.
    expect(res.sentBeforeAnswer).toBeLessThan(20 * MIB);
  });

  it('enforces the 2 MiB limit of monthly returns', async () => {
    const header =
      'brand,exportingForce,importingForces,numbers,replacedNumbers,holderRefs,status,closureType,lastIntelligenceAt,childrenExploited,weapons,violence,cuckooing';
    const rows = Array.from({ length: 2400 }, (_, i) => `${'B'.repeat(90)}${i},,,,,,,,,,,,`);
    const file = `${header}\n${rows.join('\n')}\n`.padEnd(2 * MIB + 1024, '\n');
    expect(Buffer.byteLength(file)).toBeGreaterThan(2 * MIB);
    const res = await api('POST', `/api/v1/forces/${MET}/returns/2026-10`, {
      token,
      raw: file,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/2 MiB/);
  });

  it('keeps answering others quickly while a 9.5 MiB upload is read and checked', async () => {
    const { fileBytes, idle, during, answer } = await latenciesDuringUpload(op.id, 20);
    expect(fileBytes).toBeGreaterThan(9 * MIB);
    expect(fileBytes).toBeLessThan(10 * MIB);
    expect(answer.status).toBe(200);
    const result = (await answer.json()) as any;
    expect(result.accepted).toBe(0);
    expect(result.rejected).toHaveLength(LARGE_RETURN_ROWS);
    // Checking the file in one go held every request for seconds; read as it arrives, no
    // request waits a second longer than it does with no upload.
    expect(p99(during)).toBeLessThan(1000 + p99(idle));
  });
});
