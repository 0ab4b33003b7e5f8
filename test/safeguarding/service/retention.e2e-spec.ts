import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { waitFor } from '@intensify/testing';
import { RETENTION_QUEUE } from '../../../apps/safeguarding/src/retention/retention-jobs';
import { runEnv } from '../../support/run-env';
import { startService, stopService } from '../../support/service-restarts';
import {
  act,
  actionCounts,
  auditOf,
  getHandoff,
  handoffBody,
  handoffWhen,
  listHandoffs,
  NCLCC,
  raise,
  raised,
  safeguardingHealthy,
} from './handoff-calls';

/** Two seconds, as a fraction of a day: closed hand-offs lose their subject almost at once. */
const RETENTION_DAYS = 2 / 86_400;
const PERSON = /MET-SG-09|RETAIN-NOTE|RETAIN-REASON/;

/** Waits until `n` retention checks have finished since `since` (ms). */
async function checksRunSince(since: number, n: number): Promise<void> {
  const redis = new Redis(runEnv().redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(RETENTION_QUEUE, { connection: redis, prefix: runEnv().redisPrefix });
  try {
    await waitFor(
      async () => (await queue.getJobs(['completed'], 0, 20)).filter((j) => j.finishedOn! > since),
      (done) => done.length >= n,
      { timeoutMs: 20_000, intervalMs: 200, what: `${n} retention checks` },
    );
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

async function restartWith(env: Record<string, string>): Promise<void> {
  await stopService('safeguarding', 'SIGTERM');
  startService('safeguarding', 'safeguarding', env);
  await safeguardingHealthy();
}

describe('retention of closed hand-offs (safeguarding service)', () => {
  beforeAll(() =>
    restartWith({
      HANDOFF_RETENTION_DAYS: String(RETENTION_DAYS),
      HANDOFF_RETENTION_CHECK_MS: '500',
    }),
  );
  // The rest of the run keeps the year-long period of the set-up.
  afterAll(() => restartWith({}));

  it('erases subject, owner and free text after the period, keeps the rest, and logs it', async () => {
    const operationId = randomUUID();
    const key = randomUUID();
    const body = handoffBody({ operationId, note: 'RETAIN-NOTE trap house' });
    const h = (await raise(body, NCLCC, key)).body;
    await act(h.id, 'redirect', { homeForce: 'BTP', reason: 'RETAIN-REASON at the station' });
    await act(h.id, 'acknowledge', { owner: 'MET-SG-0901' });
    await act(h.id, 'close', { outcome: 'strategy-meeting', note: 'RETAIN-NOTE met' });
    const open = await raised({ operationId, subjectRef: body.subjectRef });
    await act(open.id, 'acknowledge', { owner: 'MET-SG-0902' }, { sub: 'n', role: 'nclcc' });

    const erased = await handoffWhen(h.id, (x) => x.subjectRef === null, 'subject erased');
    expect(erased).toMatchObject({
      status: 'closed',
      outcome: 'strategy-meeting',
      homeForce: 'BTP',
      owner: null,
      subjectRef: null,
      concerns: body.concerns,
      previousHandoffs: [],
    });
    expect(erased.note).toBeUndefined();
    expect(JSON.stringify(erased)).not.toMatch(PERSON);
    expect(actionCounts(erased)).toEqual({
      raise: 1,
      redirect: 1,
      acknowledge: 1,
      close: 1,
      'erase-subject': 1,
    });
    const entry = erased.history[erased.history.length - 1];
    expect(entry).toMatchObject({ by: { sub: 'retention' }, retentionDays: RETENTION_DAYS });

    // The erasure is in the service's audit log, with who did it and the period.
    const audit = (await auditOf(h.id)).body.items;
    const logged = audit.filter((a: { action: string }) => a.action === 'handoff.subject-erased');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actor: { sub: 'retention' },
      operationId,
      details: { retentionDays: RETENTION_DAYS, status: 'closed' },
    });
    expect(JSON.stringify(audit)).not.toMatch(PERSON);

    // An open hand-off of the same subject keeps everything.
    const kept = (await getHandoff(open.id)).body;
    expect(kept).toMatchObject({ subjectRef: body.subjectRef, owner: 'MET-SG-0902' });
    // Still counted: the erased hand-off is listed, without its subject.
    const listed = (await listHandoffs({ operationId })).body.items;
    expect(
      listed.map((x: { id: string; subjectRef: string | null }) => [x.id, x.subjectRef]),
    ).toEqual([
      [open.id, body.subjectRef],
      [h.id, null],
    ]);
    // Replaying the raise cannot bring the subject back or raise it twice.
    const replay = await raise(body, NCLCC, key);
    expect([replay.status, replay.body.code]).toEqual([409, 'idempotency_conflict']);
  });

  it('erases each hand-off once, however many checks run', async () => {
    const h = await raised();
    await act(h.id, 'acknowledge', { owner: 'MET-SG-0903' });
    await act(h.id, 'close', { outcome: 'visited' });
    await handoffWhen(h.id, (x) => x.subjectRef === null, 'subject erased');
    await checksRunSince(Date.now(), 3);
    const after = (await getHandoff(h.id)).body;
    expect(actionCounts(after)['erase-subject']).toBe(1);
    const audit = (await auditOf(h.id)).body.items;
    expect(
      audit.filter((a: { action: string }) => a.action === 'handoff.subject-erased'),
    ).toHaveLength(1);
  });
});
