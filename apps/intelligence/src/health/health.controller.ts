import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { HealthReport, runChecks } from '@intensify/runtime';
import { INTELLIGENCE_ENV, IntelligenceEnv } from '../config';
import { ProviderDeadlineQueue } from '../ddtros/deadlines/provider-deadline.queue';
import { ProviderDeadlinesConsumer } from '../ddtros/deadlines/provider-deadlines.consumer';
import { OutboxRelayService } from '../outbox/outbox-relay.service';

@Controller('internal/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRelayService,
    private readonly deadlines: ProviderDeadlinesConsumer,
    private readonly queue: ProviderDeadlineQueue,
    @Inject(INTELLIGENCE_ENV) private readonly env: IntelligenceEnv,
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
        if (!c.hasPartitions)
          throw new Error('the DDTRO deadlines consumer has no partitions assigned');
        return { assignment: c.assignment, applied: c.applied, deadLettered: c.deadLettered };
      },
      deadlines: async () => await this.queue.counts(),
    });
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
