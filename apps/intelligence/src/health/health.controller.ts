import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { outboxAndDeadlineChecks } from '@intensify/messaging';
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
    const report = await runChecks(
      outboxAndDeadlineChecks({
        db: this.db,
        outbox: this.outbox,
        outboxStallMs: this.env.OUTBOX_STALL_MS,
        consumer: this.deadlines.consumer,
        consumerName: 'the DDTRO deadlines consumer',
        queue: this.queue,
      }),
    );
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
