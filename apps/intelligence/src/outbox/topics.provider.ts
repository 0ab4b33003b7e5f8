import { Provider } from '@nestjs/common';
import { topics } from '@intensify/contracts';
import { INTELLIGENCE_ENV, IntelligenceEnv } from '../config';

/** The name of the intelligence topic in this environment (its prefix included). */
export const INTELLIGENCE_TOPIC = Symbol('INTELLIGENCE_TOPIC');

export const intelligenceTopicProvider: Provider = {
  provide: INTELLIGENCE_TOPIC,
  inject: [INTELLIGENCE_ENV],
  useFactory: (env: IntelligenceEnv): string => topics(env.KAFKA_TOPIC_PREFIX).intelligence.name,
};
