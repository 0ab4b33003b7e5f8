import { Controller, Get, Query } from '@nestjs/common';
import { AuditEntry, Page } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { UpstreamClient } from '../upstream/upstream.client';

/** Who changed what, when, under which correlation id: NCLCC coordinators only. */
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  async list(
    @CurrentPrincipal() p: Principal,
    @Query('operationId') operationId?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ): Promise<Page<AuditEntry>> {
    authorize(p, 'audit.read');
    const params = new URLSearchParams();
    if (operationId) params.set('operationId', operationId);
    if (cursor) params.set('cursor', cursor);
    if (limit) params.set('limit', limit);
    return (
      await this.upstream.call<Page<AuditEntry>>('reporting', 'GET', `/internal/audit?${params}`)
    ).body;
  }
}
