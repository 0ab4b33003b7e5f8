import { api, tokenFor } from './api';
import { runEnv } from './run-env';
import { MET } from './scenario';

/** Rows of the large return: under the 50,000-row cap, just under 10 MiB in all. */
export const LARGE_RETURN_ROWS = 49_000;

/**
 * A return every row of which is read and checked, then refused: its force (London) is outside
 * the uploader's region (north-west), so the gateway does all of a large file's work and stores
 * nothing.
 */
function largeReturn(): Buffer {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const note = 'n'.repeat(150);
  const lines = ['idempotencyKey,type,force,occurredAt,count,note'];
  for (let i = 0; i < LARGE_RETURN_ROWS; i++) lines.push(`big-${i},arrest,${MET},${at},1,${note}`);
  return Buffer.from(lines.join('\n'));
}

export interface UploadLatencies {
  fileBytes: number;
  /** Milliseconds of each request made with no upload running. */
  idle: number[];
  /** Milliseconds of each request begun while the upload ran (at least `count`). */
  during: number[];
  uploadMs: number;
  answer: Response;
}

/**
 * Times `count` board and reference requests with no upload, then as many as fit (and at least
 * `count`) while the large return is uploaded to the week's import.
 */
export async function latenciesDuringUpload(
  operationId: string,
  count: number,
): Promise<UploadLatencies> {
  const token = await tokenFor({ role: 'nclcc' });
  const uploader = await tokenFor({ role: 'regional', region: 'north-west' });
  const file = largeReturn();
  const other = async (i: number) => {
    const path = i % 2 ? '/api/v1/forces' : `/api/v1/operations/${operationId}/board`;
    const t0 = performance.now();
    const res = await api('GET', path, { token });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return performance.now() - t0;
  };
  const idle: number[] = [];
  for (let i = 0; i < count; i++) idle.push(await other(i));

  const t0 = performance.now();
  const upload = fetch(`${runEnv().gatewayUrl}/api/v1/operations/${operationId}/outcomes/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${uploader}`, 'content-type': 'text/csv' },
    body: file,
  });
  let uploading = true;
  let uploadMs = 0;
  void upload.finally(() => {
    uploading = false;
    uploadMs = performance.now() - t0;
  });
  const during: number[] = [];
  for (let i = 0; uploading || during.length < count; i++) {
    const began = uploading;
    const ms = await other(i);
    if (began || during.length < count) during.push(ms);
  }
  return { fileBytes: file.length, idle, during, uploadMs, answer: await upload };
}

/** Nearest-rank 99th percentile. */
export function p99(ms: number[]): number {
  return [...ms].sort((x, y) => x - y)[Math.ceil(ms.length * 0.99) - 1];
}
