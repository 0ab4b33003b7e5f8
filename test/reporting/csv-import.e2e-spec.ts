import { api, tokenFor } from '../support/api';
import {
  board,
  boardAfter,
  createActiveWeek,
  hoursAgo,
  MERSEYSIDE,
  MET,
} from '../support/scenario';

async function upload(
  operationId: string,
  csv: string,
  opts: { token?: string; type?: string } = {},
) {
  return api('POST', `/api/v1/operations/${operationId}/outcomes/import`, {
    token: opts.token ?? (await tokenFor({ role: 'regional', region: 'north-west' })),
    raw: csv,
    headers: { 'content-type': opts.type ?? 'text/csv' },
  });
}

describe('CSV returns', () => {
  let op: { id: string };
  beforeAll(async () => {
    op = await createActiveWeek('CSV week');
  });

  const at = hoursAgo(6);
  const file = [
    'idempotencyKey,type,force,occurredAt,count,under18,cashPence,cocaine_grams,cocaine_value_pence,weapons_bladed,children,action,note',
    `nw-1,arrest,${MERSEYSIDE},${at},3,1,,,,,,,"Op ""Orbit"", day 2"`,
    `nw-2,seizure,${MERSEYSIDE},${at},,,250000,12.5,90000,2,,,`,
    `nw-3,arrest,${MERSEYSIDE},${at},1,2,,,,,,,`,
    `nw-4,safeguarding,W15000001,${at},,,,,,,3,,`,
    `nw-5,arrest,${MET},${at},1,,,,,,,,`,
    `nw-6,line,${MERSEYSIDE},${at},,,,,,,,disrupted,`,
    `nw-7,arrest,${MERSEYSIDE},not-a-date,1,,,,,,,,`,
  ].join('\r\n');

  it('accepts good rows and reports every bad row with its number and fields', async () => {
    const res = await upload(op.id, file);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accepted: 4,
      duplicates: 0,
      rejected: [
        { row: 3, line: 4, errors: [{ field: 'under18', message: 'must not exceed count' }] },
        {
          row: 5,
          line: 6,
          errors: [{ field: 'force', message: 'is not a force you may report for' }],
        },
        { row: 7, line: 8, errors: [{ field: 'occurredAt', message: expect.any(String) }] },
      ],
    });
    const b = await boardAfter(op.id, 4);
    expect(b.forces[MERSEYSIDE]).toMatchObject({
      arrests: 3,
      arrestsUnder18: 1,
      cashPence: 250000,
      weapons: { bladed: 2 },
    });
    expect(b.forces[MERSEYSIDE].drugs.cocaine).toEqual({
      grams: 12.5,
      plants: 0,
      valuePence: 90000,
    });
    expect(b.forces[MERSEYSIDE].lines.disrupted).toBe(1);
    expect(b.forces.W15000001.safeguardedChildren).toBe(3);
    expect(b.forces[MET].arrests).toBe(0);
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const res = await upload(op.id, file);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(0);
    expect(res.body.duplicates).toBe(4);
    expect(res.body.rejected.map((r: any) => r.row)).toEqual([3, 5, 7]);
    await new Promise((r) => setTimeout(r, 500));
    const b = await board(op.id);
    expect(b.eventsApplied).toBe(4);
    expect(b.national.arrests).toBe(3);
  });

  it('rejects a row whose key was used with other figures, and repeated keys within a file', async () => {
    const csv = [
      'idempotencyKey,type,force,occurredAt,count',
      `nw-1,arrest,${MERSEYSIDE},${at},7`,
      `dup,arrest,${MERSEYSIDE},${at},1`,
      `dup,arrest,${MERSEYSIDE},${at},1`,
      `dup,arrest,${MERSEYSIDE},${at},2`,
    ].join('\n');
    const res = await upload(op.id, csv);
    expect(res.body.accepted).toBe(1);
    expect(res.body.duplicates).toBe(1);
    expect(res.body.rejected.map((r: any) => [r.row, r.errors[0].field])).toEqual([
      [1, 'idempotencyKey'],
      [4, 'idempotencyKey'],
    ]);
  });

  it('refuses whole files that are not CSV or name unknown or missing columns', async () => {
    const json = await upload(op.id, '{"a":1}', { type: 'application/json' });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('unsupported_media_type');
    const cols = await upload(
      op.id,
      'idempotencyKey,type,force,occurredAt,colour\nk,arrest,BTP,2026-01-01T00:00:00Z,red',
    );
    expect(cols.status).toBe(400);
    expect(cols.body.errors).toEqual([{ field: 'colour', message: 'is not a known column' }]);
    const missing = await upload(op.id, 'type,force\narrest,BTP');
    expect(missing.body.errors.map((e: any) => e.field).sort()).toEqual([
      'idempotencyKey',
      'occurredAt',
    ]);
    const big = await upload(
      op.id,
      `idempotencyKey,type,force,occurredAt,note\n${'k,arrest,BTP,x,'.padEnd(11 * 1024 * 1024, 'y')}`,
    );
    expect(big.status).toBe(413);
  });

  it('forbids commanders and answers 404 for an unknown week', async () => {
    expect(
      (await upload(op.id, file, { token: await tokenFor({ role: 'commander' }) })).status,
    ).toBe(403);
    expect((await upload('00000000-0000-4000-8000-000000000000', file)).status).toBe(404);
  });
});
