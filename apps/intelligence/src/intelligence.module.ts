import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { typeOrmOptions } from '@intensify/persistence';
import { OutboxModule } from '@intensify/messaging';
import { EnvModule, loggerModule, MetricsModule } from '@intensify/runtime';
import { AuditModule } from './audit/audit.module';
import { CLOCK, systemClock } from './clock';
import { INTELLIGENCE_ENV, IntelligenceEnv, loadIntelligenceEnv, SCHEMA } from './config';
import { DdtrosModule } from './ddtros/ddtros.module';
import { DeconflictionModule } from './deconfliction/deconfliction.module';
import { IntelligenceHealthModule } from './health/intelligence-health.module';
import { LineOutcomesModule } from './line-outcomes/line-outcomes.module';
import { LinesModule } from './lines/lines.module';
import { InitialIntelligence1764100000000 } from './migrations/1764100000000-initial-intelligence';
import { AuditOperation1764400000000 } from './migrations/1764400000000-audit-operation';
import { LineClosures1764900000000 } from './migrations/1764900000000-line-closures';
import { AlertDesks1765000000000 } from './migrations/1765000000000-alert-desks';
import { FocusForceOverrides1765030000000 } from './migrations/1765030000000-focus-force-overrides';
import { RankingModule } from './ranking/ranking.module';
import { ReturnsModule } from './returns/returns.module';

const env = loadIntelligenceEnv();

@Module({
  imports: [
    EnvModule.forService(INTELLIGENCE_ENV, env, [{ provide: CLOCK, useValue: systemClock }]),
    loggerModule('intelligence', env.LOG_LEVEL),
    MetricsModule.forService('intelligence'),
    TypeOrmModule.forRootAsync({
      inject: [INTELLIGENCE_ENV],
      useFactory: (e: IntelligenceEnv) =>
        typeOrmOptions({
          databaseUrl: e.DATABASE_URL,
          schema: SCHEMA,
          entities: [],
          migrations: [
            InitialIntelligence1764100000000,
            AuditOperation1764400000000,
            LineClosures1764900000000,
            AlertDesks1765000000000,
            FocusForceOverrides1765030000000,
          ],
        }),
    }),
    OutboxModule.forService({ clientId: 'intelligence', schema: SCHEMA }),
    LinesModule,
    LineOutcomesModule,
    ReturnsModule,
    RankingModule,
    DdtrosModule,
    DeconflictionModule,
    IntelligenceHealthModule,
    AuditModule,
  ],
})
export class IntelligenceModule {}
