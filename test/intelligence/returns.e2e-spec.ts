import { api } from '../support/api';
import {
  as,
  freshBrand,
  freshHolder,
  freshNumber,
  line,
  RETURN_HEADER,
  uploadReturn,
} from '../support/intelligence';
import { GREATER_MANCHESTER, MERSEYSIDE, MET, NORTH_WALES } from '../support/scenario';

/** Lines of one force, by brand, as the register lists them (every page). */
async function linesOf(force: string, brand: string) {
  const res = await api(
    'GET',
    `/api/v1/lines?force=${force}&q=${encodeURIComponent(brand)}&limit=500`,
    {
      token: await as(),
    },
  );
  expect(res.status).toBe(200);
  return res.body.items.filter(
    (l: { recordedBy: string; brand: string }) =>
      l.recordedBy === force && l.brand.toLowerCase() === brand.toLowerCase(),
  );
}

describe('intelligence: monthly returns', () => {
  const jay = freshBrand('Jay');
  const kay = freshBrand('Kay');
  const n1 = freshNumber();
  const n2 = freshNumber();
  const n3 = freshNumber();
  const holder = freshHolder();

  const october = [
    RETURN_HEADER,
    `${jay},,${MERSEYSIDE};${NORTH_WALES},${n1},,${holder},yes,no,no,yes,,,`,
    `${kay},,${GREATER_MANCHESTER},${n2},,,no,yes,no,no,,,`,
    `Broken,,XX,123,,,maybe,,,,,,`,
  ].join('\n');

  it('creates each line once, reports per-row errors, and changes nothing when the same file comes again', async () => {
    const first = await uploadReturn(MET, '2026-10', october);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      force: MET,
      month: '2026-10',
      replayed: false,
      counts: { new: 2, updated: 0, unchanged: 0, rejected: 1 },
    });
    expect(first.body.rejected).toEqual([
      {
        row: 3,
        line: 4,
        errors: [
          { field: 'importingForces', message: 'XX is not a known force code' },
          { field: 'numbers', message: '123 is not a UK mobile number (07…)' },
          { field: 'childrenExploited', message: 'must be yes or no' },
        ],
      },
    ]);
    const [j] = await linesOf(MET, jay);
    expect(j).toMatchObject({
      exportingForce: MET,
      importingForces: [MERSEYSIDE, NORTH_WALES].sort(),
      status: 'active',
      riskFactors: { childrenExploited: true, weapons: false, violence: false, cuckooing: true },
      holderCount: 1,
      lastIntelligenceAt: '2026-10-31T23:59:59.999Z',
    });
    expect(j.numbers.map((n: { number: string }) => n.number)).toEqual([n1]);
    expect(j.holderRefs).toBeUndefined();

    const again = await uploadReturn(MET, '2026-10', october);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await linesOf(MET, jay)).toEqual([j]);
    expect((await line(j.id)).updatedAt).toBe(j.updatedAt);
  });

  it('upserts by brand and number next month: updated, unchanged, new numbers and replacements, not seen', async () => {
    const n4 = freshNumber();
    const november = [
      RETURN_HEADER,
      // Jay moved from n1 to n3 and added an import into Greater Manchester.
      `${jay.toUpperCase()},,${MERSEYSIDE};${NORTH_WALES};${GREATER_MANCHESTER},${n3},${n1},${holder},yes,no,no,yes,,,`,
      // A new brand with Kay's number: refused, never a second line for one number.
      `${freshBrand('Copy')},,,${n2},,,,,,,,,`,
      `${freshBrand('Zed')},,,${n4},,,,,,,,,`,
    ].join('\n');
    const res = await uploadReturn(MET, '2026-11', november);
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ new: 1, updated: 1, unchanged: 0, rejected: 1 });
    const updated = res.body.changes.find(
      (c: { brand: string }) => c.brand.toLowerCase() === jay.toLowerCase(),
    );
    expect(updated).toMatchObject({
      change: 'updated',
      fields: ['brand', 'importingForces', 'lastIntelligenceAt', 'numbers'],
    });
    expect(res.body.rejected[0]).toMatchObject({
      row: 2,
      errors: [
        { field: 'numbers', message: expect.stringContaining('already recorded by this force') },
      ],
    });
    expect(res.body.notSeenThisMonth.map((l: { brand: string }) => l.brand)).toContain(kay);

    const detail = await line(updated.lineId);
    const byNumber = Object.fromEntries(
      detail.numbers.map((n: { number: string }) => [n.number, n]),
    );
    expect(byNumber[n1]).toMatchObject({ status: 'replaced', replacedBy: n3 });
    expect(byNumber[n3]).toMatchObject({ status: 'active' });
    expect(
      detail.numberHistory.map((h: { number: string; event: string }) => `${h.event}:${h.number}`),
    ).toEqual(expect.arrayContaining([`seen:${n1}`, `seen:${n3}`, `replaced:${n1}`]));
    expect(detail.holderRefs).toEqual([holder]);

    // The same lines again in a second November file: every row unchanged.
    const same =
      november
        .split('\n')
        .filter((_, i) => i !== 2)
        .join('\n') + '\n';
    const again = await uploadReturn(MET, '2026-11', same);
    expect(again.body).toMatchObject({
      replayed: false,
      counts: { new: 0, updated: 0, unchanged: 2 },
    });
  });

  it("refuses what is not a return, and other forces' returns outside scope", async () => {
    const bad = await uploadReturn(MET, '2026-13', october);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'month', message: 'must be yyyy-mm' }]);
    const header = await uploadReturn(MET, '2026-10', 'name,dob\nx,01/01/2000\n');
    expect(header.status).toBe(400);
    expect(header.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'name',
      'dob',
      'brand',
    ]);
    const json = await api('POST', `/api/v1/forces/${MET}/returns/2026-10`, {
      token: await as(),
      body: {},
    });
    expect(json.status).toBe(415);
    const other = await uploadReturn(MET, '2026-10', october, { role: 'force', force: MERSEYSIDE });
    expect(other.status).toBe(403);
    const regional = await uploadReturn(
      MERSEYSIDE,
      '2026-10',
      `${RETURN_HEADER}\n${freshBrand()},,,,,,,,,,,,\n`,
      {
        role: 'regional',
        region: 'north-west',
      },
    );
    expect(regional.status).toBe(200);
    const commander = await uploadReturn(MET, '2026-10', october, { role: 'commander' });
    expect(commander.status).toBe(403);
  });
});
