import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from '@intensify/persistence';
import { loggerModule, MetricsModule } from '@intensify/runtime';
import { BaselinesModule } from './baselines/baselines.module';
import { BoardTalliesModule } from './board-tallies/board-tallies.module';
import { loadProjectionsEnv, PROJECTIONS_ENV, ProjectionsEnv, SCHEMA } from './config';
import { FocusLineResultsModule } from './focus-line-results/focus-line-results.module';
import { FocusMapModule } from './focus-map/focus-map.module';
import { InboxModule } from './inbox/inbox.module';
import { ProjectionsHealthModule } from './health/projections-health.module';
import { PROJECTION_MIGRATIONS } from './migrations';
import { ReadModelsModule } from './read-models/read-models.module';
import { RebuildModule } from './rebuild/rebuild.module';
import { TimelineModule } from './timeline/timeline.module';
import { WeekComparisonModule } from './week-comparison/week-comparison.module';

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
    ReadModelsModule,
    BoardTalliesModule,
    TimelineModule,
    FocusMapModule,
    FocusLineResultsModule,
    BaselinesModule,
    WeekComparisonModule,
    InboxModule,
    RebuildModule,
    ProjectionsHealthModule,
  ],
})
export class ProjectionsModule {}
