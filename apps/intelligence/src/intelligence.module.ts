import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from '@intensify/persistence';
import { loggerModule, MetricsModule } from '@intensify/runtime';
import { AuditController } from './audit/audit.controller';
import { CLOCK, systemClock } from './clock';
import { INTELLIGENCE_ENV, IntelligenceEnv, loadIntelligenceEnv, SCHEMA } from './config';
import { DdtrosModule } from './ddtros/ddtros.module';
import { DeconflictionController } from './deconfliction/deconfliction.controller';
import { HealthController } from './health/health.controller';
import { LinesModule } from './lines/lines.module';
import { InitialIntelligence1764100000000 } from './migrations/1764100000000-initial-intelligence';
import { OutboxModule } from './outbox/outbox.module';
import { RankingModule } from './ranking/ranking.module';
import { ReturnsModule } from './returns/returns.module';

const env = loadIntelligenceEnv();

@Global()
@Module({
  providers: [
    { provide: INTELLIGENCE_ENV, useValue: env },
    { provide: CLOCK, useValue: systemClock },
  ],
  exports: [INTELLIGENCE_ENV, CLOCK],
})
class IntelligenceEnvModule {}

@Module({
  imports: [
    IntelligenceEnvModule,
    loggerModule('intelligence', env.LOG_LEVEL),
    MetricsModule.forService('intelligence'),
    TypeOrmModule.forRootAsync({
      inject: [INTELLIGENCE_ENV],
      useFactory: (e: IntelligenceEnv) =>
        typeOrmOptions({
          databaseUrl: e.DATABASE_URL,
          schema: SCHEMA,
          entities: [],
          migrations: [InitialIntelligence1764100000000],
        }),
    }),
    OutboxModule,
    LinesModule,
    ReturnsModule,
    RankingModule,
    DdtrosModule,
  ],
  controllers: [DeconflictionController, AuditController, HealthController],
})
export class IntelligenceModule {}
