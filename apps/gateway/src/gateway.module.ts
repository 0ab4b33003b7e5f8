import { Global, Module } from '@nestjs/common';
import { loggerModule, MetricsModule } from '@intensify/runtime';
import { AccessLogModule } from './access-log/access-log.module';
import { AuditController } from './audit/audit.controller';
import { AuthModule } from './auth/auth.module';
import { MeController } from './auth/me.controller';
import { BaselinesModule } from './baselines/baselines.module';
import { BoardModule } from './board/board.module';
import { GATEWAY_ENV, loadGatewayEnv } from './config';
import { ExportsModule } from './exports/exports.module';
import { HandoffsModule } from './handoffs/handoffs.module';
import { InboxModule } from './inbox/inbox.module';
import { PlatformHealthController } from './health/platform-health.controller';
import { DeconflictionActionsController } from './intelligence/deconfliction-actions.controller';
import { IntelligenceController } from './intelligence/intelligence.controller';
import { LinesController } from './intelligence/lines.controller';
import { ReplacementAlertsController } from './intelligence/replacement-alerts.controller';
import { LimitsModule } from './limits/limits.module';
import { OpenApiController } from './openapi/openapi.controller';
import { OperationsController } from './operations/operations.controller';
import { OutcomeChangesController } from './outcomes/outcome-changes.controller';
import { OutcomeBatches } from './outcomes/outcome-batches';
import { OutcomesController } from './outcomes/outcomes.controller';
import { PagesModule } from './pages/pages.module';
import { ReferenceDataController } from './reference-data/reference-data.controller';
import { SummaryModule } from './summary/summary.module';
import { TaskingStreamService } from './taskings/tasking-stream.service';
import { TaskingsController } from './taskings/taskings.controller';
import { TaskingTransitionsController } from './taskings/tasking-transitions.controller';
import { UpstreamModule } from './upstream/upstream.module';
import { LineReferences } from './intelligence/line-references';

const env = loadGatewayEnv();

@Global()
@Module({ providers: [{ provide: GATEWAY_ENV, useValue: env }], exports: [GATEWAY_ENV] })
class GatewayEnvModule {}

@Module({
  imports: [
    GatewayEnvModule,
    loggerModule('gateway', env.LOG_LEVEL),
    MetricsModule.forService('gateway'),
    AuthModule.forRoot(env),
    // After AuthModule: its guard counts requests by the user the bearer guard has named.
    LimitsModule,
    UpstreamModule,
    AccessLogModule,
    BoardModule,
    ExportsModule,
    SummaryModule,
    PagesModule,
    HandoffsModule,
    BaselinesModule,
    InboxModule,
  ],
  controllers: [
    ReferenceDataController,
    OperationsController,
    OutcomesController,
    OutcomeChangesController,
    TaskingsController,
    TaskingTransitionsController,
    LinesController,
    ReplacementAlertsController,
    DeconflictionActionsController,
    IntelligenceController,
    AuditController,
    MeController,
    PlatformHealthController,
    OpenApiController,
  ],
  providers: [TaskingStreamService, LineReferences, OutcomeBatches],
})
export class GatewayModule {}
