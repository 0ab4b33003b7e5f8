import { Controller, Get, Query } from '@nestjs/common';
import {
  ACCESS_LOG_QUERY_SCHEMA,
  AccessLogEntry,
  AccessLogQuery,
  Page,
  validateQueryParams,
} from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { pageLimit, ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { AccessLogReader } from './access-log.reader';
import { entries } from './disclosed';
import { PersonLevel } from './person-level.decorator';

/** Who read person-level data, when, what and why: NCLCC only, and reading it is logged too. */
@Controller('api/v1/access-log')
export class AccessLogController {
  constructor(private readonly reader: AccessLogReader) {}

  @Get()
  @PersonLevel('access log', { disclosed: entries })
  list(
    @CurrentPrincipal() p: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<Page<AccessLogEntry>> {
    authorize(p, 'audit.read');
    const q = validateQueryParams<AccessLogQuery>(ACCESS_LOG_QUERY_SCHEMA, query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return this.reader.page({ ...q.value, limit: pageLimit(q.value.limit) });
  }
}
