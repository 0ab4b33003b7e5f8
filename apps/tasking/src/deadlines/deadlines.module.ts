import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { DeadlineHandler } from './deadline.handler';
import { DeadlineQueue } from './deadline-queue.service';
import { DeadlineWorker } from './deadline-worker.service';
import { DeadlinesConsumer } from './deadlines-consumer.service';
import { TaskingsChangedPublisher } from './taskings-changed.publisher';

@Module({
  imports: [OutboxModule],
  providers: [
    DeadlineQueue,
    DeadlineHandler,
    DeadlineWorker,
    DeadlinesConsumer,
    TaskingsChangedPublisher,
  ],
  exports: [DeadlineQueue, DeadlinesConsumer],
})
export class DeadlinesModule {}
