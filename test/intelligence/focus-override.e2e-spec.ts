import { waitFor } from '@intensify/testing';
import { api, Who } from '../support/api';
import { as, freshBrand, registerLine } from '../support/intelligence';
import { createActiveWeek, MERSEYSIDE, MET, NORTH_WALES } from '../support/scenario';

const CHESHIRE = 'E23000006';
const REASON = 'Cheshire runs the hub the lines pass through';

async function override(week: string, force: string, body: object, who?: Who) {
  return api('PUT', `/api/v1/operations/${week}/focus-forces/${force}`, {
    token: await as(who),
    body,
  });
}

const sorted = (a: string[]) => JSON.stringify([...a].sort());

describe('overriding focus forces with a recorded reason', () => {
  let week: string;

  beforeAll(async () => {
    week = (await createActiveWeek('Override week')).id;
    const line = await registerLine({
      brand: freshBrand('Ovr'),
      exportingForce: MET,
      importingForces: [MERSEYSIDE, NORTH_WALES],
    });
    const set = await api('PUT', `/api/v1/operations/${week}/focus-lines`, {
      token: await as(),
      body: { lineIds: [line.id] },
    });
    expect(set.body.focusForces).toEqual([MET, MERSEYSIDE, NORTH_WALES].sort());
  });

  it('adds and removes focus forces; the week, the focus map and the audit follow', async () => {
    const added = await override(week, CHESHIRE, {
      focus: true,
      reasonCode: 'cross-border-activity',
      reason: REASON,
    });
    expect(added.status).toBe(200);
    const removed = await override(week, NORTH_WALES, {
      focus: false,
      reasonCode: 'capacity',
      reason: 'North Wales is committed elsewhere this week',
    });
    expect(removed.status).toBe(200);
    const expected = [MET, MERSEYSIDE, CHESHIRE];
    expect(sorted(removed.body.focusForces)).toBe(sorted(expected));
    expect(sorted(removed.body.lineForces)).toBe(sorted([MET, MERSEYSIDE, NORTH_WALES]));

    const focus = (
      await api('GET', `/api/v1/operations/${week}/focus-lines`, { token: await as() })
    ).body;
    expect(focus.overrides).toEqual([
      expect.objectContaining({ force: NORTH_WALES, focus: false, reasonCode: 'capacity' }),
      expect.objectContaining({
        force: CHESHIRE,
        focus: true,
        reasonCode: 'cross-border-activity',
        reason: REASON,
        by: { sub: expect.any(String), role: 'nclcc' },
        at: expect.any(String),
      }),
    ]);
    // Others see that a force was overridden and the code, not the reason or who gave it.
    const regional = (
      await api('GET', `/api/v1/operations/${week}/focus-lines`, {
        token: await as({ role: 'regional', region: 'north-west' }),
      })
    ).body;
    expect(regional.overrides[1]).toEqual({
      force: CHESHIRE,
      focus: true,
      reasonCode: 'cross-border-activity',
      at: focus.overrides[1].at,
    });

    await waitFor(
      async () =>
        (await api('GET', `/api/v1/operations/${week}`, { token: await as() })).body.focusForces,
      (f) => sorted(f) === sorted(expected),
      { timeoutMs: 20_000, intervalMs: 100, what: "the week's focusForces to follow" },
    );
    await waitFor(
      async () =>
        (await api('GET', `/api/v1/operations/${week}/focus-map`, { token: await as() })).body,
      (m) => m.forces[CHESHIRE].focusForce && !m.forces[NORTH_WALES].focusForce,
      { timeoutMs: 20_000, intervalMs: 200, what: 'the focus map to follow the overrides' },
    );
    const audit = await api(
      'GET',
      `/api/v1/intelligence/audit?operationId=${week}&action=operation.focus-force-overridden`,
      { token: await as() },
    );
    expect(audit.status).toBe(200);
    expect(
      audit.body.items.map((e: { details: { reason: string } }) => e.details.reason),
    ).toContain(REASON);
  });

  it('changes nothing for the same override again, and keeps overrides when the lines change', async () => {
    const again = await override(week, CHESHIRE, {
      focus: true,
      reasonCode: 'other',
      reason: 'Said twice',
    });
    expect(again.status).toBe(200);
    const focus = (
      await api('GET', `/api/v1/operations/${week}/focus-lines`, { token: await as() })
    ).body;
    expect(focus.overrides.map((o: { reason: string }) => o.reason)).not.toContain('Said twice');

    const other = await registerLine({
      brand: freshBrand('Ovr2'),
      exportingForce: MERSEYSIDE,
      importingForces: [NORTH_WALES],
    });
    const set = await api('PUT', `/api/v1/operations/${week}/focus-lines`, {
      token: await as(),
      body: { lineIds: [other.id] },
    });
    expect(sorted(set.body.focusForces)).toBe(sorted([MERSEYSIDE, CHESHIRE]));
  });

  it('names bad fields (400), is for the NCLCC only (403), and refuses a closed week (409)', async () => {
    const bad = await override(week, 'E99', { focus: 'yes', reasonCode: 'whim' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'focus',
      'force',
      'reason',
      'reasonCode',
    ]);
    const body = { focus: true, reasonCode: 'capacity', reason: 'Mutual aid' };
    const regional = await override(week, CHESHIRE, body, {
      role: 'regional',
      region: 'north-west',
    });
    expect(regional.status).toBe(403);

    const closed = (await createActiveWeek('Closed override week')).id;
    await api('POST', `/api/v1/operations/${closed}/close`, { token: await as() });
    const late = await override(closed, CHESHIRE, body);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('operation_closed');
  });
});
