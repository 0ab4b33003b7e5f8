import { readFileSync } from 'node:fs';
import { waitFor } from '@intensify/testing';
import { tokenFor } from '../support/api';
import { launchBrowser, newSession } from '../support/browser';
import { ExtraGateway, startExtraGateway } from '../support/extra-gateway';
import { runEnv } from '../support/run-env';
import { createActiveWeek } from '../support/scenario';

async function headersOf(url: string, init: RequestInit = {}): Promise<Headers> {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return res.headers;
}

function expectBaseHeaders(h: Headers, what: string): void {
  expect({ what, nosniff: h.get('x-content-type-options') }).toEqual({ what, nosniff: 'nosniff' });
  expect({ what, poweredBy: h.get('x-powered-by') }).toEqual({ what, poweredBy: null });
  expect({ what, frame: h.get('x-frame-options') }).toEqual({ what, frame: 'DENY' });
  expect({ what, referrer: h.get('referrer-policy') }).toEqual({ what, referrer: 'no-referrer' });
  expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  it('on every gateway answer: API, errors, pages, docs', async () => {
    const base = runEnv().gatewayUrl;
    const token = await tokenFor({ role: 'nclcc' });
    const answers: [string, Headers][] = [
      ['health', await headersOf(`${base}/api/v1/health`)],
      [
        'api',
        await headersOf(`${base}/api/v1/forces`, { headers: { authorization: `Bearer ${token}` } }),
      ],
      ['401', await headersOf(`${base}/api/v1/operations`)],
      ['404', await headersOf(`${base}/api/v1/no-such-thing`)],
      [
        'bad json',
        await headersOf(`${base}/api/v1/auth/dev-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        }),
      ],
      ['page', await headersOf(`${base}/report`)],
      ['page asset', await headersOf(`${base}/common/assets/api.js`)],
      ['docs', await headersOf(`${base}/api/docs`)],
    ];
    for (const [what, h] of answers) expectBaseHeaders(h, what);
    const csp = (what: string) =>
      answers.find(([w]) => w === what)![1].get('content-security-policy');
    expect(csp('api')).toContain("default-src 'none'");
    expect(csp('page')).toContain("script-src 'self'");
    expect(csp('page')).toContain("style-src 'self';");
    expect(csp('page')).toContain("connect-src 'self'");
    expect(csp('docs')).toContain("script-src 'self'");
    expect(csp('docs')).not.toContain("'unsafe-eval'");
  });

  it('on the internal services too', async () => {
    const env = runEnv();
    for (const url of [env.reportingUrl, env.projectionsUrl, env.taskingUrl, env.intelligenceUrl]) {
      const h = await headersOf(`${url}/internal/health`);
      expectBaseHeaders(h, url);
      expect(h.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('let the docs page and a page render in Chromium with no policy violation', async () => {
    const browser = await launchBrowser();
    try {
      const session = await newSession(browser);
      const { page, pageErrors } = session;
      await page.goto('/api/docs');
      await page.locator('.swagger-ui .info .title').waitFor({ timeout: 20_000 });
      expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
      await page.goto('/report');
      await page.waitForLoadState('networkidle');
      expect(pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
      expect(pageErrors).toEqual([]);
      await session.context.close();
    } finally {
      await browser.close();
    }
  });
});

describe('request logs', () => {
  let logged: ExtraGateway;

  beforeAll(async () => {
    logged = await startExtraGateway('gateway-logged', { LOG_REQUESTS: 'true' });
  }, 90_000);

  afterAll(async () => {
    await logged?.stop();
  });

  it('hold no token, no number searched for, no purpose', async () => {
    const token = await tokenFor({ sub: 'logged-viewer', role: 'nclcc' });
    const op = await createActiveWeek('Logged week');
    const stream = new AbortController();
    const res = await fetch(
      `${logged.url}/api/v1/operations/${op.id}/board/stream?access_token=${token}`,
      { signal: stream.signal },
    );
    expect(res.status).toBe(200);
    stream.abort();
    const number = '07700900461';
    const search = await fetch(`${logged.url}/api/v1/lines?q=${number}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await search.arrayBuffer();
    await fetch(`${logged.url}/api/v1/operations?purpose=why-i-looked`, {
      headers: { authorization: `Bearer ${token}`, cookie: 'session=secret-cookie' },
    }).then((r) => r.arrayBuffer());

    // Request lines are written as each answer ends.
    const log = await waitFor(
      async () => readFileSync(logged.logFile, 'utf8'),
      (text) =>
        text.includes('/api/v1/lines?') &&
        text.includes('/board/stream?') &&
        text.includes('/api/v1/operations?'),
      { timeoutMs: 15_000, what: 'the three requests in the log' },
    );
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[2]);
    expect(log).not.toContain(number);
    expect(log).not.toContain('why-i-looked');
    expect(log).not.toContain('secret-cookie');
  });
});
