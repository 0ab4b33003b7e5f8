import { Module } from '@nestjs/common';
import { safeguardingWriter } from '../safeguarding-writer';
import { RetentionHandler } from './retention.handler';
import { RetentionQueue } from './retention.queue';
import { RetentionWorker } from './retention.worker';

@Module({
  providers: [safeguardingWriter, RetentionHandler, RetentionQueue, RetentionWorker],
})
export class RetentionModule {}
