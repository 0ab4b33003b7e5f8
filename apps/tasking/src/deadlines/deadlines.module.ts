import { Module } from '@nestjs/common';
import { taskingWriter } from '../tasking-writer';
import { DeadlineHandler } from './deadline.handler';
import { DeadlineQueue } from './deadline.queue';
import { DeadlineWorker } from './deadline.worker';
import { DeadlinesConsumer } from './deadlines.consumer';
import { TaskingsChangedPublisher } from './taskings-changed.publisher';

@Module({
  providers: [
    taskingWriter,
    DeadlineQueue,
    DeadlineHandler,
    DeadlineWorker,
    DeadlinesConsumer,
    TaskingsChangedPublisher,
  ],
  exports: [DeadlineQueue, DeadlinesConsumer],
})
export class DeadlinesModule {}
