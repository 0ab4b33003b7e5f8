import { rmSync } from 'node:fs';
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSecurityOptions } from '../../libs/messaging/src/kafka-security';
import { readKafkaSecurity } from '../../libs/runtime/src/kafka-security-env';
import { PlatformProcesses } from '../../libs/testing/src';
import { runEnv } from './run-env';

/** Stops the services and deletes this run's topics; the database is dropped by the next run. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __platform?: PlatformProcesses }).__platform?.stopAll();
  const env = runEnv();
  // Services a test restarted are not the global set-up's children: stop them by pid.
  for (const pid of Object.values(env.pids)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(process.env.INTENSIFY_TEST_RUN_ENV!, { force: true });
  await deleteRedisKeys(env.redisUrl, env.redisPrefix);
  const admin = new Kafka({
    brokers: env.kafkaBrokers.split(','),
    ...kafkaSecurityOptions(readKafkaSecurity()),
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(env.topicPrefix));
    if (mine.length) await admin.deleteTopics({ topics: mine, timeout: 10_000 });
  } catch {
    // A topic left behind costs only disk; the next run uses its own prefix.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The run's deadline jobs live under its Redis prefix; nothing else will ever read them. */
async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }))
      if (keys.length) await redis.del(...keys);
  } catch {
    // Keys left behind cost only memory; the next run uses its own prefix.
  } finally {
    redis.disconnect();
  }
}
