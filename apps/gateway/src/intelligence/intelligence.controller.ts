import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { FocusMap, LineReturnReport } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { UpstreamClient } from '../upstream/upstream.client';
import { toIntelligence } from './forward';
import { readOperation } from '../upstream/read-operation';

const enc = encodeURIComponent;

/** Returns, deconfliction, line holders, focus lines, DDTROs and the intelligence audit trail. */
@ApiTags('intelligence')
@Controller('api/v1')
export class IntelligenceController {
  constructor(private readonly upstream: UpstreamClient) {}

  /** A force's monthly return of lines as `text/csv`; the same file again changes nothing. */
  @Post('forces/:force/returns/:month')
  @HttpCode(200)
  upload(
    @Param('force') force: string,
    @Param('month') month: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ) {
    authorize(p, 'line.return');
    if (!req.is('text/csv') || typeof body !== 'string')
      throw new ProblemError('unsupported_media_type', 'Send the return as Content-Type: text/csv');
    return toIntelligence<LineReturnReport>(
      this.upstream,
      'POST',
      `/internal/forces/${enc(force)}/returns/${enc(month)}`,
      p,
      req,
      undefined,
      {
        body: { csv: body },
      },
    );
  }

  @Get('deconfliction/alerts')
  alerts(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return toIntelligence(this.upstream, 'GET', '/internal/deconfliction/alerts', p, req);
  }

  @Get('line-holders')
  holders(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return toIntelligence(this.upstream, 'GET', '/internal/line-holders', p, req);
  }

  /** NCLCC: the week's focus lines; its focus forces follow from where they export and import. */
  @Put('operations/:operationId/focus-lines')
  async setFocus(
    @Param('operationId') operationId: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ) {
    authorize(p, 'focus.set');
    const op = await readOperation(this.upstream, operationId);
    if (op.status === 'closed')
      throw new ProblemError(
        'operation_closed',
        `Operation ${op.id} is closed; its focus is settled`,
      );
    return toIntelligence(
      this.upstream,
      'PUT',
      `/internal/operations/${op.id}/focus-lines`,
      p,
      req,
      undefined,
      { body: body ?? {} },
    );
  }

  @Get('operations/:operationId/focus-lines')
  async getFocus(
    @Param('operationId') operationId: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ) {
    authorize(p, 'operation.read');
    const op = await readOperation(this.upstream, operationId);
    return toIntelligence(
      this.upstream,
      'GET',
      `/internal/operations/${op.id}/focus-lines`,
      p,
      req,
    );
  }

  /**
   * Every force's active lines exporting and importing, focus lines touching it, whether it is
   * a focus force, and the week's outcomes there (the board's tally).
   */
  @Get('operations/:operationId/focus-map')
  async focusMap(@Param('operationId') operationId: string, @CurrentPrincipal() p: Principal) {
    authorize(p, 'board.read');
    const op = await readOperation(this.upstream, operationId);
    return (
      await this.upstream.call<FocusMap>('projections', 'GET', `/internal/focus-maps/${op.id}`)
    ).body;
  }

  @Get('ddtros')
  ddtros(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return toIntelligence(this.upstream, 'GET', '/internal/ddtros', p, req);
  }

  /** Counts by status and the median time from a number first seen to its order granted. */
  @Get('ddtros/stats')
  ddtroStats(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return toIntelligence(this.upstream, 'GET', '/internal/ddtros/stats', p, req);
  }

  /** grant | actioned | refuse. */
  @Post('ddtros/:id/:decision')
  @HttpCode(200)
  decide(
    @Param('id') id: string,
    @Param('decision') decision: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ) {
    authorize(p, 'line.write');
    return toIntelligence(
      this.upstream,
      'POST',
      `/internal/ddtros/${enc(id)}/${enc(decision)}`,
      p,
      req,
      undefined,
      { body: body ?? {} },
    );
  }

  @Get('intelligence/audit')
  audit(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'intelligence.audit');
    return toIntelligence(this.upstream, 'GET', '/internal/intelligence/audit', p, req);
  }
}
