import { Controller, Get, Query } from '@nestjs/common';
import { Actor, AuditEntry, AuditListQuery, INTERNAL, Page } from '@intensify/contracts';
import { CallingActor, may } from '@intensify/auth';
import { AuditReader } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';

/** The intelligence audit trail (NCLCC only): every change and every read of holder references. */
@Controller(INTERNAL.intelligence.audit.controller)
export class AuditController {
  constructor(private readonly audit: AuditReader) {}

  @Get(INTERNAL.intelligence.audit.list.path)
  list(@Query() query: AuditListQuery, @CallingActor() actor: Actor): Promise<Page<AuditEntry>> {
    if (!may(actor, 'intelligence.audit'))
      throw new ProblemError(
        'forbidden_scope',
        'Only the NCLCC reads the intelligence audit trail',
      );
    return this.audit.page(query);
  }
}
