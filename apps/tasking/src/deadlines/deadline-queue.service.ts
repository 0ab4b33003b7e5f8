import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Clock, CLOCK } from '../clock';
import { TASKING_ENV, TaskingEnv } from '../config';
import { DEADLINE_JOB_OPTIONS, DEADLINE_QUEUE, DeadlineJob, deadlineJobId } from './deadline-jobs';

/** Adds deadline jobs, each delayed until its deadline; adding one that exists changes nothing. */
@Injectable()
export class DeadlineQueue implements OnApplicationShutdown {
  readonly redis: Redis;
  readonly queue: Queue<DeadlineJob>;

  constructor(
    @Inject(TASKING_ENV) env: TaskingEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Few retries: a scheduling that cannot reach Redis fails, and its event is consumed again.
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    this.queue = new Queue(DEADLINE_QUEUE, {
      connection: this.redis,
      prefix: env.REDIS_PREFIX,
      defaultJobOptions: DEADLINE_JOB_OPTIONS,
    });
  }

  async schedule(jobs: DeadlineJob[]): Promise<void> {
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      jobs.map((data) => ({
        name: data.kind,
        data,
        opts: { jobId: deadlineJobId(data), delay: Math.max(0, Date.parse(data.dueAt) - now) },
      })),
    );
  }

  counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'delayed', 'active', 'failed');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}
