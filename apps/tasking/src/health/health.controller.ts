import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { outboxAndDeadlineChecks } from '@intensify/messaging';
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
    const report = await runChecks(
      outboxAndDeadlineChecks({
        db: this.db,
        outbox: this.outbox,
        outboxStallMs: this.env.OUTBOX_STALL_MS,
        consumer: this.deadlines.consumer,
        consumerName: 'the deadlines consumer',
        queue: this.queue,
      }),
    );
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
