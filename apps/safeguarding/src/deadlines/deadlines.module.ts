import { Module } from '@nestjs/common';
import { safeguardingWriter } from '../safeguarding-writer';
import { DeadlineHandler } from './deadline.handler';
import { DeadlineQueue } from './deadline.queue';
import { DeadlineWorker } from './deadline.worker';
import { DeadlinesConsumer } from './deadlines.consumer';
import { HandoffsChangedPublisher } from './handoffs-changed.publisher';

@Module({
  providers: [
    safeguardingWriter,
    DeadlineQueue,
    DeadlineHandler,
    DeadlineWorker,
    DeadlinesConsumer,
    HandoffsChangedPublisher,
  ],
  exports: [DeadlineQueue, DeadlinesConsumer],
})
export class DeadlinesModule {}
