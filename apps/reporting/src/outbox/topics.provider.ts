import { Provider } from '@nestjs/common';
import { TopicKey, topics } from '@intensify/contracts';
import { REPORTING_ENV, ReportingEnv } from '../config';

export const TOPICS = Symbol('TOPICS');
export type TopicNames = Record<TopicKey, string>;

export const topicsProvider: Provider = {
  provide: TOPICS,
  inject: [REPORTING_ENV],
  useFactory: (env: ReportingEnv): TopicNames => {
    const specs = topics(env.KAFKA_TOPIC_PREFIX);
    return Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.name])) as TopicNames;
  },
};
