import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import { HandoffActionsController } from './handoff-actions.controller';
import { HandoffsController } from './handoffs.controller';
import { HandoffStreamService } from './handoff-stream.service';
import { SafeguardingAuditController } from './safeguarding-audit.controller';

/** Safeguarding hand-offs: raise, act, read, stream, and the safeguarding audit trail. */
@Module({
  imports: [UpstreamModule],
  controllers: [HandoffsController, HandoffActionsController, SafeguardingAuditController],
  providers: [HandoffStreamService],
})
export class HandoffsModule {}
