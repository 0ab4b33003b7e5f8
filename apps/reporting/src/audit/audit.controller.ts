import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AuditEntry, INTERNAL, Page } from '@intensify/contracts';
import { pageLimit } from '@intensify/problems';
import { ListAuditQuery } from './queries/list-audit/list-audit.query';

@Controller(INTERNAL.reporting.audit.controller)
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get(INTERNAL.reporting.audit.list.path)
  list(
    @Query('operationId') operationId?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ): Promise<Page<AuditEntry>> {
    return this.queries.execute(
      new ListAuditQuery(operationId || undefined, cursor || undefined, pageLimit(limit)),
    );
  }
}
