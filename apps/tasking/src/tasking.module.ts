import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from '@intensify/persistence';
import { OutboxModule } from '@intensify/messaging';
import { EnvModule, loggerModule, MetricsModule } from '@intensify/runtime';
import { AuditModule } from './audit/audit.module';
import { CLOCK, systemClock } from './clock';
import { loadTaskingEnv, SCHEMA, TASKING_ENV, TaskingEnv } from './config';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { TaskingHealthModule } from './health/tasking-health.module';
import { InitialTasking1764000000000 } from './migrations/1764000000000-initial-tasking';
import { LineReferences1764900000000 } from './migrations/1764900000000-line-references';
import { TaskingsModule } from './taskings/taskings.module';

const env = loadTaskingEnv();

@Module({
  imports: [
    EnvModule.forService(TASKING_ENV, env, [{ provide: CLOCK, useValue: systemClock }]),
    loggerModule('tasking', env.LOG_LEVEL),
    MetricsModule.forService('tasking'),
    TypeOrmModule.forRootAsync({
      inject: [TASKING_ENV],
      useFactory: (e: TaskingEnv) =>
        typeOrmOptions({
          databaseUrl: e.DATABASE_URL,
          schema: SCHEMA,
          entities: [],
          migrations: [InitialTasking1764000000000, LineReferences1764900000000],
        }),
    }),
    OutboxModule.forService({ clientId: 'tasking', schema: SCHEMA }),
    TaskingsModule,
    DeadlinesModule,
    TaskingHealthModule,
    AuditModule,
  ],
})
export class TaskingModule {}
