import { readSigningKey, ServiceCredentialSigner } from '@intensify/auth';
import { RebuildProgress } from './rebuild-progress';

/**
 * `npm run projections:rebuild`: asks the running projections service to rebuild every read
 * model from the retained topics, shows progress, and exits 0 once the rebuilt models are live.
 */
const base =
  process.env.PROJECTIONS_URL ?? `http://127.0.0.1:${process.env.PROJECTIONS_PORT ?? 3102}`;

/** The operator's tool signs its calls as any caller of an internal service does. */
function signer(): ServiceCredentialSigner {
  const key = process.env.SERVICE_SIGNING_KEY;
  if (!key) throw new Error('SERVICE_SIGNING_KEY is required to call the projections service');
  return new ServiceCredentialSigner('projections-rebuild', readSigningKey(key));
}

async function call(
  credentials: ServiceCredentialSigner,
  method: string,
): Promise<RebuildProgress> {
  const credential = await credentials.credentialFor('projections');
  const res = await fetch(`${base}/internal/rebuild`, {
    method,
    headers: { authorization: `Bearer ${credential}` },
  });
  const body = (await res.json()) as RebuildProgress & { detail?: string };
  if (res.status >= 400) throw new Error(`${res.status}: ${body.detail ?? JSON.stringify(body)}`);
  return body;
}

function line(p: RebuildProgress): string {
  const share = p.total ? p.done / p.total : 0;
  const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
  return `${p.phase.padEnd(9)} [${bar}] ${(share * 100).toFixed(1).padStart(5)}%  ${p.done}/${p.total} events  ${p.eventsPerSecond}/s`;
}

async function main(): Promise<void> {
  const credentials = signer();
  console.log(`rebuilding read models through ${base}`);
  let p = await call(credentials, 'POST');
  const tty = process.stdout.isTTY;
  while (!['done', 'failed'].includes(p.phase)) {
    await new Promise((r) => setTimeout(r, 500));
    p = await call(credentials, 'GET');
    process.stdout.write(tty ? `\r${line(p)}` : `${line(p)}\n`);
  }
  process.stdout.write('\n');
  if (p.phase === 'failed') throw new Error(p.error);
  const seconds = (Date.parse(p.finishedAt!) - Date.parse(p.startedAt!)) / 1000;
  console.log(
    `done in ${seconds.toFixed(1)} s; the previous read models are kept as schema ${p.retiredSchema}`,
  );
}

main().catch((e) => {
  console.error(`rebuild failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
