import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from '@intensify/persistence';
import { OutboxModule } from '@intensify/messaging';
import { EnvModule, loggerModule, MetricsModule } from '@intensify/runtime';
import { loadReportingEnv, REPORTING_ENV, ReportingEnv, SCHEMA } from './config';
import { AuditModule } from './audit/audit.module';
import { BaselinesModule } from './baselines/baselines.module';
import { ReportingHealthModule } from './health/reporting-health.module';
import { InitialReporting1763800000000 } from './migrations/1763800000000-initial-reporting';
import { CorrectionsAndAudit1763900000000 } from './migrations/1763900000000-corrections-and-audit';
import { FocusForces1764100000000 } from './migrations/1764100000000-focus-forces';
import { Baselines1764520000000 } from './migrations/1764520000000-baselines';
import { OperationEntity } from './operations/operation.entity';
import { OperationsModule } from './operations/operations.module';
import { IdempotencyKeyEntity } from './outcomes/idempotency-key.entity';
import { OutcomeEntity } from './outcomes/outcome.entity';
import { OutcomeVersionEntity } from './outcomes/outcome-version.entity';
import { OutcomesModule } from './outcomes/outcomes.module';

const env = loadReportingEnv();

@Module({
  imports: [
    EnvModule.forService(REPORTING_ENV, env),
    loggerModule('reporting', env.LOG_LEVEL),
    MetricsModule.forService('reporting'),
    TypeOrmModule.forRootAsync({
      inject: [REPORTING_ENV],
      useFactory: (e: ReportingEnv) =>
        typeOrmOptions({
          databaseUrl: e.DATABASE_URL,
          schema: SCHEMA,
          entities: [OperationEntity, OutcomeEntity, OutcomeVersionEntity, IdempotencyKeyEntity],
          migrations: [
            InitialReporting1763800000000,
            CorrectionsAndAudit1763900000000,
            FocusForces1764100000000,
            Baselines1764520000000,
          ],
          poolSize: 20,
        }),
    }),
    OutboxModule.forService({ clientId: 'reporting', schema: SCHEMA }),
    OperationsModule,
    OutcomesModule,
    BaselinesModule,
    AuditModule,
    ReportingHealthModule,
  ],
})
export class ReportingModule {}
