import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { generateServiceKeyPair, issueServiceCredential, readSigningKey } from '@intensify/auth';
import { Actor, InternalService, INTERNAL_SERVICES } from '@intensify/contracts';
import { ServiceName, waitFor } from '@intensify/testing';
import { api, tokenFor } from '../support/api';
import { freshBrand, freshNumber } from '../support/intelligence';
import { callInternal, credentialFor, runSigningKey } from '../support/internal-call';
import { runEnv } from '../support/run-env';
import {
  boardAfter,
  createActiveWeek,
  hoursAgo,
  MERSEYSIDE,
  MET,
  report,
} from '../support/scenario';
import { taskingBody } from '../support/taskings';

const NCLCC: Actor = { sub: 'nclcc-national', role: 'nclcc' };

/** One internal endpoint called directly, and what a valid credential gets from it. */
interface Endpoint {
  service: InternalService;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The status a call with a valid credential answers. */
  valid: number;
}

/** Ways to call without a valid credential, each of which an internal service must refuse. */
const REFUSED: [string, (service: InternalService) => Promise<Record<string, string>>][] = [
  ['no credential', async () => ({})],
  [
    'the unsigned actor header of old',
    async () => ({
      'x-intensify-actor': Buffer.from(JSON.stringify(NCLCC)).toString('base64url'),
    }),
  ],
  [
    'a credential signed by another key',
    async (service) =>
      bearer(
        await issueServiceCredential(readSigningKey(generateServiceKeyPair().signingKey), {
          issuer: 'gateway',
          audience: service,
          actor: NCLCC,
        }),
      ),
  ],
  [
    'a credential for another service',
    async (service) =>
      bearer(
        await issueServiceCredential(runSigningKey(), {
          issuer: 'gateway',
          audience: INTERNAL_SERVICES.find((s) => s !== service)!,
          actor: NCLCC,
        }),
      ),
  ],
  [
    'an expired credential',
    async (service) =>
      bearer(
        await issueServiceCredential(runSigningKey(), {
          issuer: 'gateway',
          audience: service,
          actor: NCLCC,
          issuedAt: Math.floor(Date.now() / 1000) - 120,
          lifetimeSeconds: 60,
        }),
      ),
  ],
  [
    'a credential signed with HS256 over the public key',
    async (service) =>
      bearer(
        await new SignJWT({ actor: NCLCC })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('intensify:gateway')
          .setAudience(`intensify:${service}`)
          .setIssuedAt()
          .setExpirationTime('60s')
          .sign(new TextEncoder().encode(runEnv().platformEnv.SERVICE_VERIFY_KEY)),
      ),
  ],
];

function bearer(credential: string): Record<string, string> {
  return { authorization: `Bearer ${credential}` };
}

/** Every service's health, a read and a write; the writes carry their own idempotency key. */
async function endpoints(): Promise<Endpoint[]> {
  const op = await createActiveWeek('Service credentials week');
  const key = () => ({ 'idempotency-key': randomUUID() });
  return [
    { service: 'reporting', method: 'GET', path: `/internal/operations/${op.id}`, valid: 200 },
    {
      service: 'reporting',
      method: 'POST',
      path: `/internal/operations/${op.id}/outcomes`,
      // Complete, as the gateway passes it on after applying the defaults.
      body: {
        type: 'arrest',
        force: MET,
        occurredAt: hoursAgo(1),
        count: 1,
        under18: 0,
        charged: 0,
      },
      headers: key(),
      valid: 202,
    },
    {
      service: 'tasking',
      method: 'GET',
      path: `/internal/taskings?operationId=${op.id}`,
      valid: 200,
    },
    {
      service: 'tasking',
      method: 'POST',
      path: `/internal/operations/${op.id}/taskings`,
      body: taskingBody(MERSEYSIDE),
      headers: key(),
      valid: 201,
    },
    { service: 'intelligence', method: 'GET', path: '/internal/line-holders', valid: 200 },
    { service: 'intelligence', method: 'GET', path: '/internal/intelligence/audit', valid: 200 },
    {
      service: 'intelligence',
      method: 'POST',
      path: '/internal/lines',
      body: { brand: freshBrand('Creds'), exportingForce: MET, numbers: [freshNumber()] },
      valid: 201,
    },
    { service: 'projections', method: 'GET', path: `/internal/boards/${op.id}`, valid: 200 },
    { service: 'safeguarding', method: 'GET', path: '/internal/handoffs', valid: 200 },
    {
      service: 'safeguarding',
      method: 'POST',
      path: '/internal/handoffs',
      body: {
        foundForce: MERSEYSIDE,
        homeForce: MET,
        subjectRef: 'CREDS-SG-001',
        ageGroup: 'adult',
        concerns: ['cuckooing'],
        foundAt: hoursAgo(1),
      },
      headers: key(),
      valid: 201,
    },
    ...INTERNAL_SERVICES.map((service): Endpoint => ({
      service,
      method: 'GET',
      path: '/internal/health',
      valid: 200,
    })),
  ];
}

const call = (e: Endpoint, headers: Record<string, string>) =>
  callInternal(e.service, e.method, e.path, {
    body: e.body,
    headers: { ...e.headers, ...headers },
  });

describe('service credentials on the internal services', () => {
  let all: Endpoint[];
  beforeAll(async () => {
    all = await endpoints();
  });

  it('refuse every call without a valid credential, reads, writes and health alike', async () => {
    for (const e of all) {
      for (const [how, headers] of REFUSED) {
        const res = await call(e, await headers(e.service));
        const what = `${e.method} ${e.service}${e.path} with ${how}`;
        expect({ what, status: res.status, code: res.body?.code }).toEqual({
          what,
          status: 401,
          code: 'unauthenticated',
        });
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it('answer a valid credential, and none of the refused writes took effect', async () => {
    for (const e of all) {
      const res = await call(e, bearer(await credentialFor(e.service, NCLCC)));
      const what = `${e.method} ${e.service}${e.path}`;
      // A write refused before would make this one a replay (200) or show it twice.
      expect({ what, status: res.status }).toEqual({ what, status: e.valid });
    }
    const outcome = all.find((e) => e.path.endsWith('/outcomes'))!;
    const operationId = outcome.path.split('/')[3];
    expect((await boardAfter(operationId, 1)).eventsApplied).toBe(1);
  });

  it('refuse a valid credential that names no actor where an actor is needed', async () => {
    const res = await callInternal('intelligence', 'GET', '/internal/line-holders', {
      credential: await credentialFor('intelligence'),
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('let only a valid credential start a projections rebuild', async () => {
    const status = async () =>
      (
        await callInternal('projections', 'GET', '/internal/rebuild', {
          credential: await credentialFor('projections'),
        })
      ).body;
    const before = await status();
    for (const [how, headers] of REFUSED) {
      const res = await callInternal('projections', 'POST', '/internal/rebuild', {
        headers: await headers('projections'),
      });
      expect({ how, status: res.status }).toEqual({ how, status: 401 });
    }
    const after = await status();
    expect([after.phase, after.startedAt]).toEqual([before.phase, before.startedAt]);
    const started = await callInternal('projections', 'POST', '/internal/rebuild', {
      credential: await credentialFor('projections'),
    });
    expect(started.status).toBe(202);
    // The rebuilt read models must be live before the next test reads a board.
    await waitFor(status, (p) => p.phase === 'done', {
      timeoutMs: 120_000,
      intervalMs: 500,
      what: 'the rebuild to finish',
    });
  });
});

describe('the gateway through signed internal calls', () => {
  it('keeps working end to end, correlation id included', async () => {
    const op = await createActiveWeek('Signed calls week');
    const correlationId = `corr-${randomUUID()}`;
    const accepted = await api('POST', `/api/v1/operations/${op.id}/outcomes`, {
      token: await tokenFor({ role: 'nclcc' }),
      body: { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 2 },
      headers: { 'idempotency-key': randomUUID(), 'x-correlation-id': correlationId },
    });
    expect(accepted.status).toBe(202);
    expect(
      (await report(op.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 1 }))
        .status,
    ).toBe(202);
    expect((await boardAfter(op.id, 2)).national.arrests).toBe(3);
    expect((await api('GET', '/api/v1/health')).status).toBe(200);
    const audit = await api('GET', `/api/v1/audit?operationId=${op.id}`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((a: { correlationId: string }) => a.correlationId)).toContain(
      correlationId,
    );
  });
});

describe('metrics', () => {
  const SERVICES: ServiceName[] = ['gateway', ...INTERNAL_SERVICES];

  it.each(SERVICES)('%s serves /metrics on its metrics port only', async (service) => {
    const env = runEnv();
    const metrics = await fetch(`${env.metricsUrls[service]}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await metrics.text()).toMatch(
      new RegExp(`process_resident_memory_bytes\\{service="${service}"\\} \\d+`),
    );

    const onApi =
      service === 'gateway'
        ? await api('GET', '/metrics')
        : await callInternal(service, 'GET', '/metrics', {
            credential: await credentialFor(service),
          });
    expect(onApi.status).toBe(404);
    expect(String(JSON.stringify(onApi.body))).not.toMatch(/process_resident_memory_bytes/);
  });
});
