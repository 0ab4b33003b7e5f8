import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from '@intensify/persistence';
import { loggerModule, MetricsModule } from '@intensify/runtime';
import { BoardModule } from './board/board.module';
import { loadProjectionsEnv, PROJECTIONS_ENV, ProjectionsEnv, SCHEMA } from './config';
import { ProjectionsHealthModule } from './health/projections-health.module';
import { RebuildModule } from './rebuild/rebuild.module';
import { TimelineModule } from './timeline/timeline.module';
import { PROJECTION_MIGRATIONS } from './migrations';

const env = loadProjectionsEnv();

@Global()
@Module({ providers: [{ provide: PROJECTIONS_ENV, useValue: env }], exports: [PROJECTIONS_ENV] })
class ProjectionsEnvModule {}

@Module({
  imports: [
    ProjectionsEnvModule,
    loggerModule('projections', env.LOG_LEVEL),
    MetricsModule.forService('projections'),
    TypeOrmModule.forRootAsync({
      inject: [PROJECTIONS_ENV],
      useFactory: (e: ProjectionsEnv) =>
        typeOrmOptions({
          databaseUrl: e.DATABASE_URL,
          schema: SCHEMA,
          searchPath: SCHEMA,
          entities: [],
          migrations: PROJECTION_MIGRATIONS,
        }),
    }),
    BoardModule,
    RebuildModule,
    TimelineModule,
    ProjectionsHealthModule,
  ],
})
export class ProjectionsModule {}
