import { Inject, Injectable } from '@nestjs/common';
import { OutboxRelayHost } from '@intensify/messaging';
import { REPORTING_ENV, ReportingEnv, SCHEMA } from '../config';

/** Runs the reporting outbox relay for the life of the process. */
@Injectable()
export class OutboxRelayService extends OutboxRelayHost {
  constructor(@Inject(REPORTING_ENV) env: ReportingEnv) {
    super({
      brokers: env.KAFKA_BROKERS,
      clientId: 'reporting',
      databaseUrl: env.DATABASE_URL,
      schema: SCHEMA,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
    });
  }
}
