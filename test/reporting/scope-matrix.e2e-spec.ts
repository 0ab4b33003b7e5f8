import { randomUUID } from 'node:crypto';
import { api, tokenFor, Who } from '../support/api';
import { createActiveWeek, hoursAgo, MERSEYSIDE, MET } from '../support/scenario';

/**
 * Role × own/other scope × every write endpoint, against the one scope policy. Merseyside is in
 * the North West region; the Met is in London.
 */
const WHO: Record<string, Who> = {
  nclcc: { role: 'nclcc' },
  'regional (north-west)': { role: 'regional', region: 'north-west' },
  'force (Merseyside)': { role: 'force', force: MERSEYSIDE },
  commander: { role: 'commander' },
  'commander (north-west)': { role: 'commander', region: 'north-west' },
};

type Expect = Record<string, number>;
const OWN_FORCE: Expect = {
  nclcc: 2,
  'regional (north-west)': 2,
  'force (Merseyside)': 2,
  commander: 403,
  'commander (north-west)': 403,
};
const OTHER_FORCE: Expect = {
  nclcc: 2,
  'regional (north-west)': 403,
  'force (Merseyside)': 403,
  commander: 403,
  'commander (north-west)': 403,
};
const NATIONAL_ONLY: Expect = {
  nclcc: 2,
  'regional (north-west)': 403,
  'force (Merseyside)': 403,
  commander: 403,
  'commander (north-west)': 403,
};

const arrest = (force: string) => ({ type: 'arrest', force, occurredAt: hoursAgo(1), count: 1 });

async function seed(opId: string, force: string): Promise<string> {
  const res = await api('POST', `/api/v1/operations/${opId}/outcomes`, {
    token: await tokenFor({ role: 'nclcc' }),
    body: arrest(force),
    headers: { 'idempotency-key': randomUUID() },
  });
  return res.body.id;
}

const ENDPOINTS: Record<
  string,
  {
    own: Expect;
    other: Expect;
    call: (opId: string, force: string, token: string) => Promise<number>;
  }
> = {
  'report an outcome': {
    own: OWN_FORCE,
    other: OTHER_FORCE,
    call: async (opId, force, token) =>
      (
        await api('POST', `/api/v1/operations/${opId}/outcomes`, {
          token,
          body: arrest(force),
          headers: { 'idempotency-key': randomUUID() },
        })
      ).status,
  },
  'correct an outcome': {
    own: OWN_FORCE,
    other: OTHER_FORCE,
    call: async (opId, force, token) =>
      (
        await api('POST', `/api/v1/outcomes/${await seed(opId, force)}/corrections`, {
          token,
          body: { ...arrest(force), count: 2 },
          headers: { 'idempotency-key': randomUUID() },
        })
      ).status,
  },
  'retract an outcome': {
    own: OWN_FORCE,
    other: OTHER_FORCE,
    call: async (opId, force, token) =>
      (
        await api('POST', `/api/v1/outcomes/${await seed(opId, force)}/retraction`, {
          token,
          body: { reason: 'test' },
        })
      ).status,
  },
  'import a CSV return': {
    own: OWN_FORCE,
    // Out-of-scope rows are rejected one by one (200 listing the row), read here as a 403.
    other: OTHER_FORCE,
    call: async (opId, force, token) => {
      const res = await api('POST', `/api/v1/operations/${opId}/outcomes/import`, {
        token,
        raw: `idempotencyKey,type,force,occurredAt,count\n${randomUUID()},arrest,${force},${hoursAgo(1)},1`,
        headers: { 'content-type': 'text/csv' },
      });
      if (res.status === 200 && res.body.rejected.length) return 403;
      return res.status;
    },
  },
  'create an operation': {
    own: NATIONAL_ONLY,
    other: NATIONAL_ONLY,
    call: async (_opId, _force, token) =>
      (
        await api('POST', '/api/v1/operations', {
          token,
          body: { name: 'w', startsAt: '2026-01-05T00:00:00Z', endsAt: '2026-01-12T00:00:00Z' },
        })
      ).status,
  },
  'close an operation': {
    own: NATIONAL_ONLY,
    other: NATIONAL_ONLY,
    call: async (_opId, _force, token) => {
      const spare = await createActiveWeek('Spare week');
      return (await api('POST', `/api/v1/operations/${spare.id}/close`, { token })).status;
    },
  },
  'reopen an operation': {
    own: NATIONAL_ONLY,
    other: NATIONAL_ONLY,
    call: async (_opId, _force, token) => {
      const spare = await createActiveWeek('Spare week');
      await api('POST', `/api/v1/operations/${spare.id}/close`, {
        token: await tokenFor({ role: 'nclcc' }),
      });
      return (
        await api('POST', `/api/v1/operations/${spare.id}/reopen`, { token, body: { reason: 'r' } })
      ).status;
    },
  },
};

describe('scope matrix', () => {
  let opId: string;
  beforeAll(async () => {
    opId = (await createActiveWeek('Matrix week')).id;
  });

  for (const [endpoint, spec] of Object.entries(ENDPOINTS)) {
    for (const [who, claims] of Object.entries(WHO)) {
      for (const [scope, force] of [
        ['own', MERSEYSIDE],
        ['other', MET],
      ] as const) {
        const expected = spec[scope][who];
        it(`${endpoint}: ${who}, ${scope} force → ${expected === 2 ? '2xx' : expected}`, async () => {
          const status = await spec.call(opId, force, await tokenFor(claims));
          if (expected === 2) expect(status).toBeGreaterThanOrEqual(200);
          if (expected === 2) expect(status).toBeLessThan(300);
          else expect(status).toBe(expected);
        });
      }
    }
  }
});
