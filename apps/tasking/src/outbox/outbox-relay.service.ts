import { Inject, Injectable } from '@nestjs/common';
import { OutboxRelayHost } from '@intensify/messaging';
import { TASKING_ENV, TaskingEnv, SCHEMA } from '../config';

/** Runs the tasking outbox relay for the life of the process. */
@Injectable()
export class OutboxRelayService extends OutboxRelayHost {
  constructor(@Inject(TASKING_ENV) env: TaskingEnv) {
    super({
      brokers: env.KAFKA_BROKERS,
      clientId: 'tasking',
      databaseUrl: env.DATABASE_URL,
      schema: SCHEMA,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
    });
  }
}
