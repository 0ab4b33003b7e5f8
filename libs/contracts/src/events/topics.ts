/**
 * Every topic the platform uses, declared once. Event topics keep events for ever
 * (retention -1) so read models can be rebuilt from them; keys are aggregate ids.
 */
export interface TopicSpec {
  name: string;
  partitions: number;
  retentionMs: number;
}

export const TOPIC_KEYS = [
  'operations',
  'outcomes',
  'taskings',
  'intelligence',
  'safeguarding',
  'baselines',
  'deadLetters',
] as const;
export type TopicKey = (typeof TOPIC_KEYS)[number];

const SPECS: Record<TopicKey, { suffix: string; partitions: number; retentionMs: number }> = {
  operations: { suffix: 'operations.v1', partitions: 3, retentionMs: -1 },
  outcomes: { suffix: 'outcomes.v1', partitions: 6, retentionMs: -1 },
  taskings: { suffix: 'taskings.v1', partitions: 3, retentionMs: -1 },
  // Lines keyed by line id, orders by order id, focus lines by operation id.
  intelligence: { suffix: 'intelligence.v1', partitions: 3, retentionMs: -1 },
  // Hand-offs keyed by hand-off id; no person on it (see events/v1/safeguarding-events).
  safeguarding: { suffix: 'safeguarding.v1', partitions: 3, retentionMs: -1 },
  // Weekly baselines keyed by force, so one force's versions stay in order.
  baselines: { suffix: 'baselines.v1', partitions: 3, retentionMs: -1 },
  deadLetters: { suffix: 'dead-letters.v1', partitions: 1, retentionMs: 30 * 24 * 3600 * 1000 },
};

/** The prefix separates environments (and test runs) sharing one broker. */
export function topics(prefix: string): Record<TopicKey, TopicSpec> {
  return Object.fromEntries(
    TOPIC_KEYS.map((k) => [
      k,
      {
        name: `${prefix}${SPECS[k].suffix}`,
        partitions: SPECS[k].partitions,
        retentionMs: SPECS[k].retentionMs,
      },
    ]),
  ) as Record<TopicKey, TopicSpec>;
}

/**
 * Consumer groups are global on a broker, so they carry the same prefix as the topics: runs
 * and environments sharing a broker must never join each other's groups.
 */
export function consumerGroup(prefix: string, name: string): string {
  return `${prefix}${name}`;
}
