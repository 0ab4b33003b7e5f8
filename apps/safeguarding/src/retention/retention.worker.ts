import { Inject, Injectable } from '@nestjs/common';
import { DelayedJobWorker } from '@intensify/messaging';
import { SAFEGUARDING_ENV, SafeguardingEnv } from '../config';
import { RETENTION_QUEUE, RetentionRun } from './retention-jobs';
import { RetentionHandler } from './retention.handler';

/** Runs each retention check as it comes due. */
@Injectable()
export class RetentionWorker extends DelayedJobWorker<object, RetentionRun> {
  constructor(@Inject(SAFEGUARDING_ENV) env: SafeguardingEnv, handler: RetentionHandler) {
    super({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, queue: RETENTION_QUEUE }, () =>
      handler.run(),
    );
  }
}
