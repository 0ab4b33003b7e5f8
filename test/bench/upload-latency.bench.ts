import { latenciesDuringUpload } from '../support/large-upload';
import { runEnv } from '../support/run-env';
import { createActiveWeek } from '../support/scenario';
import { record } from './record';
import { percentile, round, rssMb } from './support/measure';

describe('other requests during a large CSV upload', () => {
  it('measures the p99 of board and reference requests while a 10 MiB upload is read', async () => {
    const op = await createActiveWeek('Upload latency week');
    const { fileBytes, idle, during, uploadMs, answer } = await latenciesDuringUpload(op.id, 50);
    expect(answer.status).toBe(200);
    const p99 = percentile(during, 99);
    record(
      'upload-latency',
      {
        fileMiB: round(fileBytes / 1024 / 1024),
        uploadAnsweredMs: Math.round(uploadMs),
        requestsDuringUpload: during.length,
        p99DuringUploadMs: round(p99),
        p99IdleMs: round(percentile(idle, 99)),
        gatewayPeakRssMb: rssMb(runEnv().pids.gateway)?.peak ?? 'n/a',
      },
      'p99 of other requests under 1 s while a 10 MiB upload is read',
      p99 < 1000,
    );
  });
});
