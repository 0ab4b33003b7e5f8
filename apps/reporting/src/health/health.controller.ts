import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { HealthReport, runChecks } from '@intensify/runtime';
import { REPORTING_ENV, ReportingEnv } from '../config';
import { FocusForcesConsumer } from '../operations/focus-forces/focus-forces.consumer';
import { OutboxRelayService } from '../outbox/outbox-relay.service';

@Controller('internal/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRelayService,
    private readonly focusForces: FocusForcesConsumer,
    @Inject(REPORTING_ENV) private readonly env: ReportingEnv,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await runChecks({
      postgres: async () => void (await this.db.query('SELECT 1')),
      kafka: async () => {
        if (!(await this.outbox.kafkaReachable())) throw new Error('broker does not answer');
      },
      outbox: () => this.outbox.checkOutbox(this.env.OUTBOX_STALL_MS),
      // Reported, not required: outcomes are accepted whether or not focus forces are caught up.
      focusForces: async () => {
        const c = this.focusForces.consumer;
        return { hasPartitions: c.hasPartitions, assignment: c.assignment, applied: c.applied };
      },
    });
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
