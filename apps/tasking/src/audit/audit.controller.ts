import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntry, INTERNAL, Page } from '@intensify/contracts';
import { readAuditPage } from '@intensify/persistence';
import { pageLimit } from '@intensify/problems';
import { SCHEMA } from '../config';

/** The tasking service's audit log, newest first; the gateway merges it with reporting's. */
@Controller(INTERNAL.tasking.audit.controller)
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(INTERNAL.tasking.audit.list.path)
  list(
    @Query('operationId') operationId?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ): Promise<Page<AuditEntry>> {
    return readAuditPage(
      this.db,
      SCHEMA,
      {
        operationId: operationId || undefined,
        cursor: cursor || undefined,
        limit: pageLimit(limit),
      },
      `${SCHEMA}-`,
    );
  }
}
