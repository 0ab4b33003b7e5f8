import { Kafka } from 'kafkajs';
import { TopicSpec } from '@intensify/contracts';

/** Creates the declared topics that are missing; existing ones are left as they are. */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((t) => !existing.has(t.name));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor: -1,
        configEntries: [{ name: 'retention.ms', value: String(t.retentionMs) }],
      })),
    });
  } catch (e) {
    // Another service created the same topic a moment earlier.
    if ((e as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw e;
  } finally {
    await admin.disconnect();
  }
}
