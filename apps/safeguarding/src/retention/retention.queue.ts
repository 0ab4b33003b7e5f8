import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedJobQueue } from '@intensify/messaging';
import { Clock, CLOCK } from '../clock';
import { SAFEGUARDING_ENV, SafeguardingEnv } from '../config';
import { RETENTION_QUEUE, RETENTION_SCHEDULER } from './retention-jobs';

const RETRY_MS = 5_000;

/**
 * The repeating retention check, every `HANDOFF_RETENTION_CHECK_MS`. The scheduler is upserted
 * on start under one id, so every instance agrees on one check and a changed interval replaces
 * the old; Redis being away at start only delays it.
 */
@Injectable()
export class RetentionQueue extends DelayedJobQueue<object> implements OnApplicationBootstrap {
  private readonly logger = new Logger('retention');
  private retry?: NodeJS.Timeout;

  constructor(
    @Inject(SAFEGUARDING_ENV) private readonly env: SafeguardingEnv,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(
      {
        redisUrl: env.REDIS_URL,
        prefix: env.REDIS_PREFIX,
        queue: RETENTION_QUEUE,
        jobOptions: { removeOnComplete: 100, removeOnFail: 100 },
      },
      () => clock.now(),
    );
  }

  onApplicationBootstrap(): void {
    void this.schedule();
  }

  private async schedule(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        RETENTION_SCHEDULER,
        { every: this.env.HANDOFF_RETENTION_CHECK_MS },
        { name: 'erase', data: {} },
      );
    } catch (e) {
      this.logger.warn(`scheduling the retention check failed: ${(e as Error).message}`);
      this.retry = setTimeout(() => void this.schedule(), RETRY_MS);
    }
  }

  override async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.retry);
    await super.onApplicationShutdown();
  }
}
