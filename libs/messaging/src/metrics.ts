import { Counter, Gauge, Histogram } from 'prom-client';

/** Messaging metrics, registered once in the process's default Prometheus registry. */
export const messagingMetrics = {
  applied: new Counter({
    name: 'intensify_consumer_events_applied_total',
    help: 'Events applied to read models (copies skipped are not counted)',
    labelNames: ['group'],
  }),
  deadLetters: new Counter({
    name: 'intensify_consumer_dead_letters_total',
    help: 'Messages set aside on the dead-letter topic',
    labelNames: ['group', 'topic'],
  }),
  freshness: new Histogram({
    name: 'intensify_projection_freshness_seconds',
    help: 'Time from an event being committed to its read-model change committing',
    labelNames: ['group'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
  lag: new Gauge({
    name: 'intensify_consumer_lag_messages',
    help: 'Messages in a partition not yet applied by the group',
    labelNames: ['group', 'topic', 'partition'],
  }),
  published: new Counter({
    name: 'intensify_outbox_published_total',
    help: 'Outbox rows published to Kafka',
    labelNames: ['schema'],
  }),
  backlog: new Gauge({
    name: 'intensify_outbox_backlog',
    help: 'Outbox rows not yet published',
    labelNames: ['schema'],
  }),
};
