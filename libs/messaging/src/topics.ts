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

/** Creates the declared topics that are missing; existing ones are left as they are. */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<void> {
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
