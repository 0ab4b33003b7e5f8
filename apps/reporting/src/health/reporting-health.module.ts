import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxRelayHost } from '@intensify/messaging';
import { HealthModule } from '@intensify/runtime';
import { REPORTING_ENV, ReportingEnv } from '../config';
import { FocusForcesConsumer } from '../operations/focus-forces/focus-forces.consumer';
import { OperationsModule } from '../operations/operations.module';

export const ReportingHealthModule = HealthModule.forService({
  imports: [OperationsModule],
  inject: [getDataSourceToken(), OutboxRelayHost, FocusForcesConsumer, REPORTING_ENV],
  checks: (
    db: DataSource,
    outbox: OutboxRelayHost,
    focusForces: FocusForcesConsumer,
    env: ReportingEnv,
  ) => ({
    postgres: async () => void (await db.query('SELECT 1')),
    kafka: async () => {
      if (!(await outbox.kafkaReachable())) throw new Error('broker does not answer');
    },
    outbox: () => outbox.checkOutbox(env.OUTBOX_STALL_MS),
    // Reported, not required: outcomes are accepted whether or not focus forces are caught up.
    focusForces: async () => {
      const c = focusForces.consumer;
      return { hasPartitions: c.hasPartitions, assignment: c.assignment, applied: c.applied };
    },
  }),
});
