import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { INTERNAL } from '@intensify/contracts';
import { replacementAlerts } from '../access-log/disclosed';
import { PersonLevel } from '../access-log/person-level.decorator';
import { authorize } from '../auth/forbid';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { bodyAsSent, Caller, forward, queryAsSent } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';

const { ddtros } = INTERNAL.intelligence;

/** New numbers on lines under order, and the NCLCC's one-step application for orders on them. */
@ApiTags('intelligence')
@Controller('api/v1/ddtros')
export class ReplacementAlertsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get('replacement-alerts')
  @PersonLevel('replacement alerts', { disclosed: replacementAlerts })
  list(@CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.read');
    return forward(this.upstream, ddtros.replacementAlerts, {
      ...caller,
      query: queryAsSent(caller.req),
    });
  }

  /** 201 with a result per alert; 200 with the same answer when the key is replayed. */
  @Post('replacement-applications')
  apply(@Body() body: unknown, @CurrentCaller('owner-status') caller: Caller) {
    authorize(caller.p, 'ddtro.apply-replacements');
    return forward(this.upstream, ddtros.applyReplacements, {
      ...caller,
      body: bodyAsSent(body),
      idempotencyKey: caller.req.header('idempotency-key'),
    });
  }
}
