import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from '@intensify/persistence';
import { OutboxModule } from '@intensify/messaging';
import { EnvModule, loggerModule, MetricsModule } from '@intensify/runtime';
import { AuditModule } from './audit/audit.module';
import { CLOCK, systemClock } from './clock';
import { loadSafeguardingEnv, SAFEGUARDING_ENV, SafeguardingEnv, SCHEMA } from './config';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { HandoffsModule } from './handoffs/handoffs.module';
import { SafeguardingHealthModule } from './health/safeguarding-health.module';
import { InitialSafeguarding1766000000000 } from './migrations/1766000000000-initial-safeguarding';
import { RetentionModule } from './retention/retention.module';

const env = loadSafeguardingEnv();

@Module({
  imports: [
    EnvModule.forService(SAFEGUARDING_ENV, env, [{ provide: CLOCK, useValue: systemClock }]),
    loggerModule('safeguarding', env.LOG_LEVEL),
    MetricsModule.forService('safeguarding'),
    TypeOrmModule.forRootAsync({
      inject: [SAFEGUARDING_ENV],
      useFactory: (e: SafeguardingEnv) =>
        typeOrmOptions({
          databaseUrl: e.DATABASE_URL,
          schema: SCHEMA,
          entities: [],
          migrations: [InitialSafeguarding1766000000000],
        }),
    }),
    OutboxModule.forService({ clientId: 'safeguarding', schema: SCHEMA }),
    HandoffsModule,
    DeadlinesModule,
    RetentionModule,
    SafeguardingHealthModule,
    AuditModule,
  ],
})
export class SafeguardingModule {}
