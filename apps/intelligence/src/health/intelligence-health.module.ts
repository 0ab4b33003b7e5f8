import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { outboxAndDeadlineChecks, OutboxRelayHost } from '@intensify/messaging';
import { HealthModule } from '@intensify/runtime';
import { INTELLIGENCE_ENV, IntelligenceEnv } from '../config';
import { DdtrosModule } from '../ddtros/ddtros.module';
import { ProviderDeadlineQueue } from '../ddtros/deadlines/provider-deadline.queue';
import { ProviderDeadlinesConsumer } from '../ddtros/deadlines/provider-deadlines.consumer';

export const IntelligenceHealthModule = HealthModule.forService({
  imports: [DdtrosModule],
  inject: [
    getDataSourceToken(),
    OutboxRelayHost,
    ProviderDeadlinesConsumer,
    ProviderDeadlineQueue,
    INTELLIGENCE_ENV,
  ],
  checks: (
    db: DataSource,
    outbox: OutboxRelayHost,
    deadlines: ProviderDeadlinesConsumer,
    queue: ProviderDeadlineQueue,
    env: IntelligenceEnv,
  ) =>
    outboxAndDeadlineChecks({
      db,
      outbox,
      outboxStallMs: env.OUTBOX_STALL_MS,
      consumer: deadlines.consumer,
      consumerName: 'the DDTRO deadlines consumer',
      queue,
    }),
});
