import { DynamicModule, InjectionToken, ModuleMetadata, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Check, HealthModule } from '@intensify/runtime';
import { DelayedJobQueue } from './delayed-jobs';
import { OutboxEnv } from './outbox-env';
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

type DeadlineChecks = Parameters<typeof outboxAndDeadlineChecks>[0];

/**
 * The health module of such a service: `consumer` is the host of its deadlines consumer, `queue`
 * its delayed-job queue and `env` the token of its environment (for the outbox stall limit).
 */
export function outboxAndDeadlineHealthModule(o: {
  imports: ModuleMetadata['imports'];
  consumer: Type<{ consumer: DeadlineChecks['consumer'] }>;
  consumerName: string;
  queue: Type<DeadlineChecks['queue']>;
  env: InjectionToken;
}): DynamicModule {
  return HealthModule.forService({
    imports: o.imports,
    inject: [getDataSourceToken(), OutboxRelayHost, o.consumer, o.queue, o.env],
    checks: (
      db: DataSource,
      outbox: OutboxRelayHost,
      host: { consumer: DeadlineChecks['consumer'] },
      queue: DeadlineChecks['queue'],
      env: OutboxEnv,
    ) =>
      outboxAndDeadlineChecks({
        db,
        outbox,
        outboxStallMs: env.OUTBOX_STALL_MS,
        consumer: host.consumer,
        consumerName: o.consumerName,
        queue,
      }),
  });
}
