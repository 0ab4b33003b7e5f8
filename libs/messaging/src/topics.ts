import { Kafka } from 'kafkajs';
import { TopicSpec } from '@intensify/contracts';

export interface Replication {
  replicationFactor: number;
  minInsyncReplicas: number;
}

/**
 * Three copies of every event and two that must hold a write (with acks=all) once the cluster
 * has three brokers: losing any one broker then loses nothing and stops no writer. A single
 * development broker keeps one copy; two brokers keep two, either of which may take a write.
 */
export function replicationFor(brokers: number): Replication {
  const replicationFactor = Math.max(1, Math.min(3, brokers));
  return { replicationFactor, minInsyncReplicas: replicationFactor >= 3 ? 2 : 1 };
}

/** How often a start-up asks again while Kafka answers with a retriable error. */
export const ENSURE_TOPICS_ATTEMPTS = 8;
const RETRY_STEP_MS = 250;

/**
 * Creates the declared topics that are missing; existing ones are left as they are. On a
 * fresh cluster of several brokers a topic another service has just created is not yet known
 * to every broker ("does not host this topic-partition"): such retriable answers are asked
 * again, with a growing pause, instead of ending the service's start.
 */
export async function ensureTopics(
  kafka: Kafka,
  specs: TopicSpec[],
  attempts = ENSURE_TOPICS_ATTEMPTS,
  stepMs = RETRY_STEP_MS,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createMissingTopics(kafka, specs);
    } catch (e) {
      if (!(e as { retriable?: boolean }).retriable || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, stepMs * attempt));
    }
  }
}

async function createMissingTopics(kafka: Kafka, specs: TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((t) => !existing.has(t.name));
    if (missing.length === 0) return;
    const { brokers } = await admin.describeCluster();
    const replication = replicationFor(brokers.length);
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor: replication.replicationFactor,
        configEntries: [
          { name: 'retention.ms', value: String(t.retentionMs) },
          { name: 'min.insync.replicas', value: String(replication.minInsyncReplicas) },
        ],
      })),
    });
  } catch (e) {
    // Another service created the same topic a moment earlier.
    if ((e as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw e;
  } finally {
    await admin.disconnect();
  }
}
