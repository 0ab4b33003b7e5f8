import { Provider } from '@nestjs/common';
import { topics } from '@intensify/contracts';
import { TASKING_ENV, TaskingEnv } from '../config';

/** The name of the taskings topic in this environment (its prefix included). */
export const TASKINGS_TOPIC = Symbol('TASKINGS_TOPIC');

export const taskingsTopicProvider: Provider = {
  provide: TASKINGS_TOPIC,
  inject: [TASKING_ENV],
  useFactory: (env: TaskingEnv): string => topics(env.KAFKA_TOPIC_PREFIX).taskings.name,
};
