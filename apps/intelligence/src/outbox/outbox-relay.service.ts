import { Inject, Injectable } from '@nestjs/common';
import { OutboxRelayHost } from '@intensify/messaging';
import { INTELLIGENCE_ENV, IntelligenceEnv, SCHEMA } from '../config';

/** Runs the intelligence outbox relay for the life of the process. */
@Injectable()
export class OutboxRelayService extends OutboxRelayHost {
  constructor(@Inject(INTELLIGENCE_ENV) env: IntelligenceEnv) {
    super({
      brokers: env.KAFKA_BROKERS,
      clientId: 'intelligence',
      databaseUrl: env.DATABASE_URL,
      schema: SCHEMA,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
    });
  }
}
