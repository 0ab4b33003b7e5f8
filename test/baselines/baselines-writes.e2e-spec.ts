import { api, tokenFor } from '../support/api';
import { GREATER_MANCHESTER, MERSEYSIDE, MET } from '../support/scenario';
import { importBaselines, putBaseline, WEST_MIDLANDS } from './baselines';

const NCLCC = { role: 'nclcc' } as const;
const NORTH_WEST = { role: 'regional', region: 'north-west' } as const;

describe('baselines: writes, scope and CSV', () => {
  beforeAll(async () => {
    const op = await api('POST', '/api/v1/operations', {
      token: await tokenFor(NCLCC),
      body: {
        name: 'Winter week 2021',
        startsAt: '2021-11-17T06:00:00Z',
        endsAt: '2021-11-24T06:00:00Z',
      },
    });
    expect(op.status).toBe(201);
  });

  it('refuses a week overlapping an intensification week, naming the field', async () => {
    for (const week of ['2021-W46', '2021-W47']) {
      const res = await putBaseline(NCLCC, MET, week, { arrests: 3 });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'conflict', errors: [{ field: 'isoWeek' }] });
    }
    expect((await putBaseline(NCLCC, MET, '2021-W45', { arrests: 3 })).status).toBe(201);
  });

  it('names every bad field of the path and the body', async () => {
    const badWeek = await putBaseline(NCLCC, MET, '2021-W60', { arrests: 1 });
    expect(badWeek.status).toBe(400);
    expect(badWeek.body.errors.map((e: any) => e.field)).toEqual(['isoWeek']);
    const badForce = await putBaseline(NCLCC, 'E99999999', '2021-W40', { arrests: 1 });
    expect(badForce.body.errors.map((e: any) => e.field)).toEqual(['force']);
    const badBody = await putBaseline(NCLCC, MET, '2021-W40', {
      arrests: 2,
      charged: 3,
      cashPence: -1,
      notes: 'x',
    });
    expect(badBody.status).toBe(400);
    expect(badBody.body.errors.map((e: any) => e.field).sort()).toEqual(['cashPence', 'notes']);
    const tooMany = await putBaseline(NCLCC, MET, '2021-W40', { arrests: 2, charged: 3 });
    expect(tooMany.body.errors).toEqual([
      { field: 'charged', message: 'must not be more than arrests' },
    ]);
  });

  it('lets each role report only for the forces the one policy gives it', async () => {
    const cases: [object, string, number][] = [
      [{ role: 'force', force: WEST_MIDLANDS }, WEST_MIDLANDS, 201],
      [{ role: 'force', force: WEST_MIDLANDS }, MET, 403],
      [NORTH_WEST, MERSEYSIDE, 201],
      [NORTH_WEST, MET, 403],
      [{ role: 'commander' }, MET, 403],
      [NCLCC, GREATER_MANCHESTER, 201],
    ];
    for (const [who, force, status] of cases) {
      const res = await putBaseline(who as any, force, '2021-W30', { arrests: 5 });
      expect([JSON.stringify(who), force, res.status]).toEqual([
        JSON.stringify(who),
        force,
        status,
      ]);
    }
  });

  it('imports good rows, lists every bad one, and changes nothing on a second upload', async () => {
    const csv = [
      'isoWeek,force,arrests,charged,cashPence,linesClosed',
      `2021-W20,${MERSEYSIDE},12,4,150000,1`,
      `2021-W21,${MERSEYSIDE},,,,`,
      `2021-W47,${MERSEYSIDE},3,,,`,
      `2021-W99,${MERSEYSIDE},3,,,`,
      `2021-W22,${MET},3,,,`,
      `2021-W23,${MERSEYSIDE},2,5,12.5,`,
      `2021-W24,${GREATER_MANCHESTER},7,1,0,2`,
    ].join('\r\n');
    const first = await importBaselines(NORTH_WEST, csv);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      accepted: 3,
      duplicates: 0,
      rejected: [
        {
          row: 3,
          line: 4,
          errors: [{ field: 'isoWeek', message: expect.stringContaining('overlaps') }],
        },
        { row: 4, line: 5, errors: [{ field: 'isoWeek', message: expect.any(String) }] },
        {
          row: 5,
          line: 6,
          errors: [{ field: 'force', message: 'is not a force you may report for' }],
        },
        {
          row: 6,
          line: 7,
          errors: [
            { field: 'cashPence', message: 'must be a whole number ≥ 0' },
            { field: 'charged', message: 'must not be more than arrests' },
          ],
        },
      ],
    });
    const again = await importBaselines(NORTH_WEST, csv);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3 });
    const list = await api(
      'GET',
      `/api/v1/forces/${MERSEYSIDE}/baselines?from=2021-W20&to=2021-W24`,
      {
        token: await tokenFor(NORTH_WEST),
      },
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({
        isoWeek: '2021-W20',
        version: 1,
        figures: expect.objectContaining({
          arrests: 12,
          charged: 4,
          cashPence: 150000,
          linesClosed: 1,
          phones: 0,
        }),
      }),
      expect.objectContaining({
        isoWeek: '2021-W21',
        version: 1,
        figures: expect.objectContaining({ arrests: 0 }),
      }),
    ]);
  });

  it('refuses a file whose header names unknown or missing columns, and a body that is not CSV', async () => {
    const header = await importBaselines(
      NORTH_WEST,
      `force,week,arrests\n${MERSEYSIDE},2021-W20,1`,
    );
    expect(header.status).toBe(400);
    expect(header.body.errors.map((e: any) => e.field).sort()).toEqual(['isoWeek', 'week']);
    const json = await api('POST', '/api/v1/baselines/import', {
      token: await tokenFor(NORTH_WEST),
      body: { rows: [] },
    });
    expect(json.status).toBe(415);
    const commander = await importBaselines({ role: 'commander' }, 'force,isoWeek\n');
    expect(commander.status).toBe(403);
  });
});
