import { Controller, Get, Query } from '@nestjs/common';
import { AuditEntry, AuditListQuery, INTERNAL, Page } from '@intensify/contracts';
import { AuditReader } from '@intensify/persistence';

/** The safeguarding service's audit log (every change and erasure), newest first. */
@Controller(INTERNAL.safeguarding.audit.controller)
export class AuditController {
  constructor(private readonly audit: AuditReader) {}

  @Get(INTERNAL.safeguarding.audit.list.path)
  list(@Query() query: AuditListQuery): Promise<Page<AuditEntry>> {
    return this.audit.page(query);
  }
}
