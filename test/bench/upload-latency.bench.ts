import { api, tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { createActiveWeek, MET } from '../support/scenario';
import { record } from './record';
import { percentile, round, rssMb } from './support/measure';

const MIB = 1024 * 1024;

/**
 * Just under 10 MiB and 50,000 rows, every row checked and refused (the forces are outside the
 * uploader's region), so the gateway does all of a large file's work and stores nothing.
 */
function largeReturn(): Buffer {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const lines = ['idempotencyKey,type,force,occurredAt,count,note'];
  for (let i = 0; i < 49_000; i++)
    lines.push(`bench-big-${i},arrest,${MET},${at},1,${'n'.repeat(150)}`);
  return Buffer.from(lines.join('\n'));
}

describe('other requests during a large CSV upload', () => {
  it('measures the p99 of board and reference requests while a 10 MiB upload is read', async () => {
    const op = await createActiveWeek('Upload latency week');
    const token = await tokenFor({ role: 'nclcc' });
    const file = largeReturn();
    const uploader = await tokenFor({ role: 'regional', region: 'north-west' });
    const other = async (i: number) => {
      const path = i % 2 ? '/api/v1/forces' : `/api/v1/operations/${op.id}/board`;
      const t0 = performance.now();
      const res = await api('GET', path, { token });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return performance.now() - t0;
    };
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) idle.push(await other(i));

    const t0 = performance.now();
    const upload = fetch(`${runEnv().gatewayUrl}/api/v1/operations/${op.id}/outcomes/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${uploader}`, 'content-type': 'text/csv' },
      body: file,
    });
    let uploading = true;
    void upload.finally(() => (uploading = false));
    const during: number[] = [];
    for (let i = 0; uploading; i++) during.push(await other(i));
    const answer = await upload;
    const uploadMs = performance.now() - t0;
    expect(answer.status).toBe(200);

    const p99 = percentile(during, 99);
    record(
      'upload-latency',
      {
        fileMiB: round(file.length / MIB),
        uploadAnsweredMs: Math.round(uploadMs),
        requestsDuringUpload: during.length,
        p99DuringUploadMs: round(p99),
        p99IdleMs: round(percentile(idle, 99)),
        gatewayPeakRssMb: rssMb(runEnv().pids.gateway)?.peak ?? 'n/a',
      },
      'p99 of other requests under 1 s while a 10 MiB upload is read',
      during.length > 0 && p99 < 1000,
    );
  });
});
