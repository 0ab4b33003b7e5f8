import { outboxAndDeadlineHealthModule } from '@intensify/messaging';
import { SAFEGUARDING_ENV } from '../config';
import { DeadlineQueue } from '../deadlines/deadline.queue';
import { DeadlinesConsumer } from '../deadlines/deadlines.consumer';
import { DeadlinesModule } from '../deadlines/deadlines.module';

export const SafeguardingHealthModule = outboxAndDeadlineHealthModule({
  imports: [DeadlinesModule],
  consumer: DeadlinesConsumer,
  consumerName: 'the deadlines consumer',
  queue: DeadlineQueue,
  env: SAFEGUARDING_ENV,
});
