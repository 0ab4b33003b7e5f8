import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { HealthReport, runChecks } from '@intensify/runtime';
import { TASKING_ENV, TaskingEnv } from '../config';
import { DeadlineQueue } from '../deadlines/deadline-queue.service';
import { DeadlinesConsumer } from '../deadlines/deadlines-consumer.service';
import { OutboxRelayService } from '../outbox/outbox-relay.service';

@Controller('internal/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRelayService,
    private readonly deadlines: DeadlinesConsumer,
    private readonly queue: DeadlineQueue,
    @Inject(TASKING_ENV) private readonly env: TaskingEnv,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const c = this.deadlines.consumer;
    const report = await runChecks({
      postgres: async () => void (await this.db.query('SELECT 1')),
      kafka: async () => {
        if (!(await this.outbox.kafkaReachable())) throw new Error('broker does not answer');
      },
      redis: async () => void (await this.queue.redis.ping()),
      outbox: () => this.outbox.checkOutbox(this.env.OUTBOX_STALL_MS),
      consumer: async () => {
        if (!c.hasPartitions) throw new Error('the deadlines consumer has no partitions assigned');
        return { assignment: c.assignment, applied: c.applied, deadLettered: c.deadLettered };
      },
      deadlines: async () => await this.queue.counts(),
    });
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
