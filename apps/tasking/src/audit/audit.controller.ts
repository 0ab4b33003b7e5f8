import { Controller, Get, Query } from '@nestjs/common';
import { AuditEntry, AuditListQuery, INTERNAL, Page } from '@intensify/contracts';
import { AuditReader } from '@intensify/persistence';

/** The tasking service's audit log, newest first; the gateway merges it with reporting's. */
@Controller(INTERNAL.tasking.audit.controller)
export class AuditController {
  constructor(private readonly audit: AuditReader) {}

  @Get(INTERNAL.tasking.audit.list.path)
  list(@Query() query: AuditListQuery): Promise<Page<AuditEntry>> {
    return this.audit.page(query);
  }
}
