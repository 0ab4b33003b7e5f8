import { DataSource } from 'typeorm';
import { Check } from '@intensify/runtime';
import { DelayedJobQueue } from './delayed-jobs';
import { OutboxRelayHost } from './outbox-relay.host';
import { TransactionalConsumer } from './transactional-consumer';

/**
 * The health checks of a service that writes through an outbox and schedules delayed jobs from
 * its own consumer (tasking deadlines, DDTRO provider deadlines).
 */
export function outboxAndDeadlineChecks(o: {
  db: DataSource;
  outbox: OutboxRelayHost;
  outboxStallMs: number;
  consumer: Pick<
    TransactionalConsumer<unknown>,
    'hasPartitions' | 'assignment' | 'applied' | 'deadLettered'
  >;
  /** How the consumer is named in a failing check, e.g. "the deadlines consumer". */
  consumerName: string;
  queue: Pick<DelayedJobQueue<unknown>, 'redis' | 'counts'>;
}): Record<string, Check> {
  return {
    postgres: async () => void (await o.db.query('SELECT 1')),
    kafka: async () => {
      if (!(await o.outbox.kafkaReachable())) throw new Error('broker does not answer');
    },
    redis: async () => void (await o.queue.redis.ping()),
    outbox: () => o.outbox.checkOutbox(o.outboxStallMs),
    consumer: async () => {
      const c = o.consumer;
      if (!c.hasPartitions) throw new Error(`${o.consumerName} has no partitions assigned`);
      return { assignment: c.assignment, applied: c.applied, deadLettered: c.deadLettered };
    },
    deadlines: async () => await o.queue.counts(),
  };
}
