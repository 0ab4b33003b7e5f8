import { Controller, Get, Query } from '@nestjs/common';
import { AuditEntry, auditCursorAfter, AuditListQuery, INTERNAL, Page } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { pageLimit } from '@intensify/problems';
import { entries } from '../access-log/disclosed';
import { PersonLevel } from '../access-log/person-level.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { UpstreamClient } from '../upstream/upstream.client';
import {
  AUDIT_SOURCES,
  decodeMergedCursor,
  encodeMergedCursor,
  MergedAuditCursor,
} from './merged-audit-cursor';

const EMPTY: Page<AuditEntry> = { items: [], nextCursor: null };

/**
 * Who changed what, when, under which correlation id: NCLCC coordinators only. Reporting and
 * the tasking service each keep their own log; one page takes the newest entries of both, and
 * the cursor remembers how far it got in each, so paging skips and repeats nothing.
 */
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  @PersonLevel('audit', { disclosed: entries })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() { action, operationId, subjectId, sub }: AuditListQuery,
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ): Promise<Page<AuditEntry>> {
    authorize(p, 'audit.read');
    const n = pageLimit(limit);
    const at = decodeMergedCursor(cursor);
    // Every log is filtered alike; each service checks the filters it is given.
    const filters = { action, operationId, subjectId, sub };
    const pages = await Promise.all(
      AUDIT_SOURCES.map((source) => {
        if (at[source] === null) return EMPTY;
        const query = { ...filters, limit: n, cursor: at[source] || undefined };
        return this.upstream.send(INTERNAL[source].audit.list, { query }).then((r) => r.body);
      }),
    );
    // A merge of the logs' heads, newest first: each page takes a prefix of every log, in the
    // log's own order, so the cursor can say where each one stands.
    const taken = pages.map(() => 0);
    const items: AuditEntry[] = [];
    while (items.length < n) {
      let pick = -1;
      pages.forEach((page, i) => {
        const head = page.items[taken[i]];
        if (head && (pick < 0 || head.at > pages[pick].items[taken[pick]].at)) pick = i;
      });
      if (pick < 0) break;
      items.push(pages[pick].items[taken[pick]++]);
    }
    const next: MergedAuditCursor = {};
    AUDIT_SOURCES.forEach((source, i) => {
      if (taken[i] === pages[i].items.length) next[source] = pages[i].nextCursor;
      else if (taken[i]) next[source] = auditCursorAfter(pages[i].items[taken[i] - 1].id);
      else if (at[source] !== undefined) next[source] = at[source];
    });
    const done = AUDIT_SOURCES.every((s) => next[s] === null);
    return { items, nextCursor: done ? null : encodeMergedCursor(next) };
  }
}
