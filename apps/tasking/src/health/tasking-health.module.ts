import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { outboxAndDeadlineChecks, OutboxRelayHost } from '@intensify/messaging';
import { HealthModule } from '@intensify/runtime';
import { TASKING_ENV, TaskingEnv } from '../config';
import { DeadlineQueue } from '../deadlines/deadline.queue';
import { DeadlinesConsumer } from '../deadlines/deadlines.consumer';
import { DeadlinesModule } from '../deadlines/deadlines.module';

export const TaskingHealthModule = HealthModule.forService({
  imports: [DeadlinesModule],
  inject: [getDataSourceToken(), OutboxRelayHost, DeadlinesConsumer, DeadlineQueue, TASKING_ENV],
  checks: (
    db: DataSource,
    outbox: OutboxRelayHost,
    deadlines: DeadlinesConsumer,
    queue: DeadlineQueue,
    env: TaskingEnv,
  ) =>
    outboxAndDeadlineChecks({
      db,
      outbox,
      outboxStallMs: env.OUTBOX_STALL_MS,
      consumer: deadlines.consumer,
      consumerName: 'the deadlines consumer',
      queue,
    }),
});
