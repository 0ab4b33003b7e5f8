import { Controller, Get, Query } from '@nestjs/common';
import { AuditEntry, AuditListQuery, INTERNAL, Page } from '@intensify/contracts';
import { AuditReader } from '@intensify/persistence';

/** Reporting's audit log, newest first; the gateway merges it with the tasking service's. */
@Controller(INTERNAL.reporting.audit.controller)
export class AuditController {
  constructor(private readonly audit: AuditReader) {}

  @Get(INTERNAL.reporting.audit.list.path)
  list(@Query() query: AuditListQuery): Promise<Page<AuditEntry>> {
    return this.audit.page(query);
  }
}
