import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';
import { TASKINGS_TOPIC, taskingsTopicProvider } from './topics.provider';

@Module({
  providers: [taskingsTopicProvider, OutboxRelayService],
  exports: [TASKINGS_TOPIC, OutboxRelayService],
})
export class OutboxModule {}
