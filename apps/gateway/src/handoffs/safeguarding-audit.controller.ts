import { Controller, Get, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { INTERNAL } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { PersonLevel } from '../access-log/person-level.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { forward, queryAsSent } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';
import { safeguardingAuditEntries } from './handoff-scope';

/** Every change of a hand-off, deadline effects and erasures: NCLCC only, and the read is logged. */
@ApiTags('audit')
@Controller('api/v1/safeguarding/audit')
export class SafeguardingAuditController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  @PersonLevel('safeguarding audit', { disclosed: safeguardingAuditEntries })
  list(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'safeguarding.audit');
    return forward(this.upstream, INTERNAL.safeguarding.audit.list, {
      p,
      req,
      query: queryAsSent(req),
    });
  }
}
