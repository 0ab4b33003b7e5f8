import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from '@intensify/persistence';
import { loggerModule, MetricsModule } from '@intensify/runtime';
import { AuditController } from './audit/audit.controller';
import { CLOCK, systemClock } from './clock';
import { loadTaskingEnv, SCHEMA, TASKING_ENV, TaskingEnv } from './config';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { HealthController } from './health/health.controller';
import { InitialTasking1764000000000 } from './migrations/1764000000000-initial-tasking';
import { OutboxModule } from './outbox/outbox.module';
import { TaskingsModule } from './taskings/taskings.module';

const env = loadTaskingEnv();

@Global()
@Module({
  providers: [
    { provide: TASKING_ENV, useValue: env },
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [TASKING_ENV, CLOCK],
})
class TaskingEnvModule {}

@Module({
  imports: [
    TaskingEnvModule,
    loggerModule('tasking', env.LOG_LEVEL),
    MetricsModule.forService('tasking'),
    TypeOrmModule.forRootAsync({
      inject: [TASKING_ENV],
      useFactory: (e: TaskingEnv) =>
        typeOrmOptions({
          databaseUrl: e.DATABASE_URL,
          schema: SCHEMA,
          entities: [],
          migrations: [InitialTasking1764000000000],
        }),
    }),
    OutboxModule,
    TaskingsModule,
    DeadlinesModule,
  ],
  controllers: [HealthController, AuditController],
})
export class TaskingModule {}
