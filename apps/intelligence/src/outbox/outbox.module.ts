import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service';
import { INTELLIGENCE_TOPIC, intelligenceTopicProvider } from './topics.provider';

@Module({
  providers: [intelligenceTopicProvider, OutboxRelayService],
  exports: [INTELLIGENCE_TOPIC, OutboxRelayService],
})
export class OutboxModule {}
