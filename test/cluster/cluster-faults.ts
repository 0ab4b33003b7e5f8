import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { Queue } from 'bullmq';
import { waitFor } from '@intensify/testing';
import { DeadlineJob } from '../../apps/tasking/src/deadlines/deadline-jobs';
import { reportWithRetries, Sent } from '../support/resilient-client';
import { runEnv } from '../support/run-env';
import { board, MERSEYSIDE } from '../support/scenario';
import {
  eventCounts,
  historyWith,
  inSeconds,
  issue,
  tasking,
  taskingBody,
} from '../support/taskings';
import { clusterBrokers, ROOT } from './stack';

const run = promisify(execFile);

function kafka(): Kafka {
  return new Kafka({ brokers: clusterBrokers().split(','), logLevel: logLevel.NOTHING });
}

/** The node leading most partitions of the run's outcome topic. */
export async function outcomeLeader(): Promise<number> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const topic = `${runEnv().topicPrefix}outcomes.v1`;
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const led = new Map<number, number>();
    for (const p of topics[0].partitions) led.set(p.leader, (led.get(p.leader) ?? 0) + 1);
    return [...led].sort((a, b) => b[1] - a[1])[0][0];
  } finally {
    await admin.disconnect();
  }
}

/** The node the KRaft quorum has as its leader (the active controller), from Kafka's own tool. */
export async function activeController(): Promise<number> {
  const cache =
    process.env.INTENSIFY_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'intensify');
  const { stdout } = await run(
    'java',
    [
      ...['-cp', join(cache, 'kafka-3.9.1', 'libs', '*')],
      `-Dlog4j.configuration=file:${join(ROOT, 'infra', 'kafka', 'log4j.properties')}`,
      'org.apache.kafka.tools.MetadataQuorumCommand',
      ...['--bootstrap-server', clusterBrokers(), 'describe', '--status'],
    ],
    { timeout: 60_000 },
  );
  const id = /LeaderId:\s+(\d+)/.exec(stdout)?.[1];
  if (!id) throw new Error(`no LeaderId in the quorum's status:\n${stdout}`);
  return Number(id);
}

/** Outcomes the API must refuse (a negative count): each must be a 4xx and count for nothing. */
export async function reportInvalid(operationId: string, force: string, n: number) {
  const answers: Sent[] = [];
  for (let i = 0; i < n; i++)
    answers.push(
      await reportWithRetries(operationId, {
        type: 'arrest',
        force,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        count: -1,
      } as never),
    );
  return answers;
}

/** The longest wait between two successive accepted answers: how long writes stood still. */
export function longestGapMs(sent: Sent[]): number {
  const times = sent.map((s) => s.answeredAt).sort((a, b) => a - b);
  return times.slice(1).reduce((gap, t, i) => Math.max(gap, t - times[i]), 0);
}

/** Resolves when the board holds every accepted outcome exactly (events and the sum of counts). */
export async function boardExact(operationId: string, sent: Sent[], timeoutMs = 180_000) {
  const arrests = sent.reduce((n, s) => n + s.count, 0);
  return waitFor(
    () => board(operationId),
    (b) => b.eventsApplied === sent.length && b.national.arrests === arrests,
    { timeoutMs, intervalMs: 250, what: `${sent.length} outcomes, ${arrests} arrests` },
  );
}

/**
 * A P1 tasking whose reminder, overdue mark and escalation fall due within seconds. The tasking
 * service learns of a new week from its event: until then the week is unknown, so this retries
 * (with one key) until it is issued.
 */
export async function issueP1(operationId: string): Promise<{ id: string }> {
  const key = randomUUID();
  const body = taskingBody(MERSEYSIDE, {
    priority: 'P1',
    dueAt: inSeconds(8),
    acknowledgeWithinMinutes: 5,
  });
  const res = await waitFor(
    () => issue(operationId, body, { key }),
    (r) => r.status === 201 || r.status === 200,
    { timeoutMs: 60_000, intervalMs: 500, what: 'a P1 tasking issued' },
  );
  return res.body;
}

/** A P1 tasking's deadlines have all fired: each of its events is in its history exactly once. */
export async function deadlinesFiredOnce(queue: Queue<DeadlineJob>, id: string): Promise<void> {
  await historyWith(id, 'tasking.escalated', 180_000);
  for (const job of [`reminder:${id}:1`, `overdue:${id}:1`])
    await waitFor(
      async () => (await queue.getJob(job))?.getState(),
      (state) => state === 'completed',
      { timeoutMs: 120_000, intervalMs: 250, what: `deadline job ${job} to complete` },
    );
  expect(eventCounts(await tasking(id))).toEqual({
    'tasking.issued': 1,
    'tasking.reminder-due': 1,
    'tasking.overdue': 1,
    'tasking.escalated': 1,
  });
}

/** One line per scenario in test/artifacts/cluster-results.jsonl, for BENCHMARKS.md. */
export function record(result: object): void {
  const dir = join(ROOT, 'test', 'artifacts');
  mkdirSync(dir, { recursive: true });
  appendFileSync(
    join(dir, 'cluster-results.jsonl'),
    `${JSON.stringify({ at: new Date().toISOString(), ...result })}\n`,
  );
}

/** Health 200 through the balancers, polled from `since`; resolves with when it was first seen. */
export async function healthyAt(): Promise<number> {
  await waitFor(
    () =>
      fetch(`${runEnv().gatewayUrl}/api/v1/health`).then(
        (r) => r.status,
        () => 0,
      ),
    (s) => s === 200,
    { timeoutMs: 180_000, intervalMs: 250, what: 'the platform to be healthy' },
  );
  return Date.now();
}
