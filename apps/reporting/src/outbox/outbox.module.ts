import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';
import { TOPICS, topicsProvider } from './topics.provider';

@Module({
  providers: [topicsProvider, OutboxRelayService],
  exports: [TOPICS, OutboxRelayService],
})
export class OutboxModule {}
