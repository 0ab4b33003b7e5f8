import { waitFor } from '@intensify/testing';
import { api } from '../support/api';
import {
  as,
  freshBrand,
  freshHolder,
  freshNumber,
  line,
  registerLine,
  RETURN_HEADER,
  uploadReturn,
} from '../support/intelligence';
import { GREATER_MANCHESTER, MERSEYSIDE, MET, WEST_MIDLANDS } from '../support/scenario';

const STAFFORDSHIRE = 'E23000015';

async function alertsFor(value: string, who = {}) {
  const res = await api('GET', '/api/v1/deconfliction/alerts', {
    token: await as({ role: 'nclcc', ...who } as never),
  });
  expect(res.status).toBe(200);
  return res.body.items.filter((a: { value: string }) => a.value === value);
}

describe('intelligence: register, deconfliction and line holders', () => {
  it('registers a line, answers the same registration with it, and refuses a duplicate brand or number', async () => {
    const brand = freshBrand('Reg');
    const n = freshNumber();
    const body = {
      brand,
      exportingForce: MET,
      importingForces: [MERSEYSIDE],
      numbers: [n],
      riskFactors: { weapons: true },
    };
    const created = await registerLine(body);
    expect(created).toMatchObject({
      brand,
      recordedBy: MET,
      status: 'active',
      closureType: null,
      holderCount: 0,
    });
    const again = await api('POST', '/api/v1/lines', {
      token: await as(),
      body: { ...body, brand: ` ${brand.toUpperCase()} ` },
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([
      { field: 'brand', message: `is already line ${created.id} of force ${MET}` },
    ]);
    const replay = await api('POST', '/api/v1/lines', { token: await as(), body });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(created.id);
    const sameNumber = await api('POST', '/api/v1/lines', {
      token: await as(),
      body: { ...body, brand: freshBrand() },
    });
    expect(sameNumber.status).toBe(409);
    expect(sameNumber.body.errors[0].field).toBe('numbers.0');
  });

  it('rejects names and dates of birth as holder references, and bad fields, naming each', async () => {
    const res = await api('POST', '/api/v1/lines', {
      token: await as(),
      body: {
        brand: 'x',
        exportingForce: 'nowhere',
        holderRefs: ['John Smith', 'LH-01011990'],
        status: 'closed',
        extra: 1,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'exportingForce',
      'extra',
      'holderRefs.0',
    ]);
    const dob = await api('POST', '/api/v1/lines', {
      token: await as(),
      body: { brand: 'x', exportingForce: MET, holderRefs: ['LH-01011990'], status: 'closed' },
    });
    expect(dob.body.errors).toEqual([
      { field: 'holderRefs.0', message: 'must not hold a date (no dates of birth)' },
      { field: 'closureType', message: 'is required when status is closed' },
    ]);
  });

  it('raises one deconfliction alert when two forces record the same number or holder, shown to the regions concerned', async () => {
    const shared = freshNumber();
    const holder = freshHolder();
    const met = await registerLine({
      brand: freshBrand('Dx'),
      exportingForce: MET,
      importingForces: [MERSEYSIDE],
      numbers: [shared],
      holderRefs: [holder],
    });
    expect(await alertsFor(shared)).toEqual([]);
    const res = await uploadReturn(
      WEST_MIDLANDS,
      '2026-10',
      `${RETURN_HEADER}\n${freshBrand('Wx')},,${STAFFORDSHIRE},${shared},,${holder},,,,,,,\n`,
    );
    expect(res.body.counts.new).toBe(1);
    const wm = res.body.changes[0].lineId;
    const [byNumber] = await alertsFor(shared);
    expect(byNumber).toMatchObject({
      kind: 'number',
      forces: [MET, WEST_MIDLANDS].sort(),
      regions: ['london', 'north-west', 'west-midlands'],
      lineIds: [met.id, wm].sort(),
    });
    const [byHolder] = await alertsFor(holder);
    expect(byHolder).toMatchObject({ kind: 'holder', forces: [MET, WEST_MIDLANDS].sort() });
    // The same return again: no second alert.
    await uploadReturn(
      WEST_MIDLANDS,
      '2026-10',
      `${RETURN_HEADER}\n${freshBrand('Wy')},,,${freshNumber()},,,,,,,,,\n`,
    );
    expect(await alertsFor(shared)).toHaveLength(1);
    // Regions concerned see it; a region with no part in it, and a force with no line in it, do not.
    expect(await alertsFor(shared, { role: 'regional', region: 'west-midlands' })).toHaveLength(1);
    expect(await alertsFor(shared, { role: 'regional', region: 'north-west' })).toHaveLength(1);
    expect(await alertsFor(shared, { role: 'regional', region: 'eastern' })).toHaveLength(0);
    expect(await alertsFor(shared, { role: 'force', force: MERSEYSIDE })).toHaveLength(0);
    expect(await alertsFor(shared, { role: 'force', force: WEST_MIDLANDS })).toHaveLength(1);
    // The event went out on Kafka: the line detail shows the alert too.
    expect((await line(met.id)).deconfliction.map((a: { id: string }) => a.id).sort()).toEqual(
      [byNumber.id, byHolder.id].sort(),
    );
  });

  it('ranks line holders by the lines they control, and audits every read of their references', async () => {
    const boss = freshHolder();
    const runner = freshHolder();
    for (let i = 0; i < 3; i++)
      await registerLine({
        brand: freshBrand('Net'),
        exportingForce: GREATER_MANCHESTER,
        numbers: [freshNumber()],
        holderRefs: i === 0 ? [boss, runner] : [boss],
      });
    const res = await api('GET', '/api/v1/line-holders?linkedLines>=2&limit=500', {
      token: await as(),
      headers: { 'x-correlation-id': `holders-${boss}` },
    });
    expect(res.status).toBe(200);
    const refs = res.body.items.map((h: { holderRef: string }) => h.holderRef);
    expect(refs).toContain(boss);
    expect(refs).not.toContain(runner);
    const top = res.body.items.find((h: { holderRef: string }) => h.holderRef === boss);
    expect(top).toMatchObject({ linkedLines: 3, activeLines: 3, forces: [GREATER_MANCHESTER] });
    const counts = res.body.items.map((h: { linkedLines: number }) => h.linkedLines);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const trail = await api('GET', '/api/v1/intelligence/audit?action=line-holders.read', {
      token: await as(),
    });
    const entry = trail.body.items.find(
      (a: { correlationId: string }) => a.correlationId === `holders-${boss}`,
    );
    expect(entry.details.holderRefs).toContain(boss);
    expect(entry.actor.role).toBe('nclcc');
    // A region sees holders of its own lines only.
    const elsewhere = await api('GET', '/api/v1/line-holders?linkedLines>=2', {
      token: await as({ role: 'regional', region: 'london' }),
    });
    expect(elsewhere.body.items.map((h: { holderRef: string }) => h.holderRef)).not.toContain(boss);
    const audit = await api('GET', '/api/v1/intelligence/audit', {
      token: await as({ role: 'regional', region: 'london' }),
    });
    expect(audit.status).toBe(403);
  });

  it('shows a line to its regions and forces only, and lets a commander read but not write', async () => {
    const l = await registerLine({
      brand: freshBrand('Scope'),
      exportingForce: MET,
      importingForces: [MERSEYSIDE],
    });
    const get = async (who: object) =>
      (await api('GET', `/api/v1/lines/${l.id}`, { token: await as(who as never) })).status;
    expect(await get({ role: 'regional', region: 'north-west' })).toBe(200);
    expect(await get({ role: 'regional', region: 'eastern' })).toBe(403);
    expect(await get({ role: 'force', force: MERSEYSIDE })).toBe(200);
    expect(await get({ role: 'force', force: WEST_MIDLANDS })).toBe(403);
    expect(await get({ role: 'commander' })).toBe(200);
    const write = await api('PATCH', `/api/v1/lines/${l.id}`, {
      token: await as({ role: 'commander' }),
      body: { status: 'dormant' },
    });
    expect(write.status).toBe(403);
    const close = await api('PATCH', `/api/v1/lines/${l.id}`, {
      token: await as({ role: 'force', force: MERSEYSIDE }),
      body: { status: 'closed', closureType: 'type2' },
    });
    expect(close.status).toBe(200);
    expect(close.body).toMatchObject({ status: 'closed', closureType: 'type2' });
    const list = await api('GET', `/api/v1/lines?status=closed&q=${encodeURIComponent(l.brand)}`, {
      token: await as({ role: 'force', force: WEST_MIDLANDS }),
    });
    expect(list.body.items).toEqual([]);
    await waitFor(
      async () =>
        (
          await api('GET', `/api/v1/lines?status=closed&q=${encodeURIComponent(l.brand)}`, {
            token: await as(),
          })
        ).body.items.length,
      (n) => n === 1,
      { timeoutMs: 5000, intervalMs: 100, what: 'closed line listed' },
    );
  });

  it('changes the risk factors named in a patch and keeps the others', async () => {
    const l = await registerLine({
      brand: freshBrand('Risk'),
      exportingForce: MET,
      riskFactors: { cuckooing: true },
    });
    const patch = await api('PATCH', `/api/v1/lines/${l.id}`, {
      token: await as(),
      body: { riskFactors: { weapons: true } },
    });
    expect(patch.status).toBe(200);
    expect(patch.body.riskFactors).toEqual({
      childrenExploited: false,
      weapons: true,
      violence: false,
      cuckooing: true,
    });
    const read = await api('GET', `/api/v1/lines/${l.id}`, { token: await as() });
    expect(read.body.riskFactors).toEqual(patch.body.riskFactors);
  });
});
