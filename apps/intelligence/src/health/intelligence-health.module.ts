import { outboxAndDeadlineHealthModule } from '@intensify/messaging';
import { INTELLIGENCE_ENV } from '../config';
import { DdtrosModule } from '../ddtros/ddtros.module';
import { ProviderDeadlineQueue } from '../ddtros/deadlines/provider-deadline.queue';
import { ProviderDeadlinesConsumer } from '../ddtros/deadlines/provider-deadlines.consumer';

export const IntelligenceHealthModule = outboxAndDeadlineHealthModule({
  imports: [DdtrosModule],
  consumer: ProviderDeadlinesConsumer,
  consumerName: 'the DDTRO deadlines consumer',
  queue: ProviderDeadlineQueue,
  env: INTELLIGENCE_ENV,
});
