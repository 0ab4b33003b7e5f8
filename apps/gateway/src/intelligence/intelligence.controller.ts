import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { INTERNAL, LINE_RETURN_LIMITS } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { readLimitedText } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import {
  ddtros as ddtrosDisclosed,
  deconflictionAlerts,
  entries,
  lineHolders,
} from '../access-log/disclosed';
import { PersonLevel } from '../access-log/person-level.decorator';
import { readCsvUpload } from '../limits/csv-upload';
import { bodyAsSent, forward, queryAsSent } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';
import { readOpenOperation, readOperation } from '../upstream/read-operation';
import { scopeFocusMap } from './scope-focus-map';

const { deconfliction, ddtros, ranking, returns } = INTERNAL.intelligence;

/** Returns, deconfliction, line holders, focus lines, DDTROs and the intelligence audit trail. */
@ApiTags('intelligence')
@Controller('api/v1')
export class IntelligenceController {
  constructor(private readonly upstream: UpstreamClient) {}

  /** A force's monthly return of lines as `text/csv`; the same file again changes nothing. */
  @Post('forces/:force/returns/:month')
  @HttpCode(200)
  async upload(
    @Param('force') force: string,
    @Param('month') month: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    authorize(p, 'line.return');
    const limit = LINE_RETURN_LIMITS.bytes;
    const csv = await readCsvUpload(req, res, limit, (body) => readLimitedText(body, limit));
    return forward(this.upstream, returns.upload, {
      p,
      req,
      params: { force, month },
      body: { csv },
    });
  }

  @Get('deconfliction/alerts')
  @PersonLevel('deconfliction alerts', { disclosed: deconflictionAlerts })
  alerts(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return forward(this.upstream, deconfliction.alerts, { p, req, query: queryAsSent(req) });
  }

  @Get('line-holders')
  @PersonLevel('line holders', { disclosed: lineHolders })
  holders(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return forward(this.upstream, deconfliction.holders, { p, req, query: queryAsSent(req) });
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
    const op = await readOpenOperation(this.upstream, operationId, 'its focus is settled');
    return forward(this.upstream, ranking.setFocusLines, {
      p,
      req,
      params: { operationId: op.id },
      body: bodyAsSent(body),
    });
  }

  @Get('operations/:operationId/focus-lines')
  async getFocus(
    @Param('operationId') operationId: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ) {
    authorize(p, 'operation.read');
    const op = await readOperation(this.upstream, operationId);
    return forward(this.upstream, ranking.getFocusLines, {
      p,
      req,
      params: { operationId: op.id },
    });
  }

  /**
   * Every force's active lines exporting and importing, focus lines touching it, whether it is
   * a focus force, and the week's outcomes there (the board's tally); figures only within the
   * caller's read scope.
   */
  @Get('operations/:operationId/focus-map')
  async focusMap(@Param('operationId') operationId: string, @CurrentPrincipal() p: Principal) {
    authorize(p, 'board.read');
    const op = await readOperation(this.upstream, operationId);
    const route = INTERNAL.projections.focusMap.read;
    return scopeFocusMap(
      (await this.upstream.send(route, { params: { operationId: op.id } })).body,
      p,
    );
  }

  @Get('ddtros')
  @PersonLevel('DDTROs', { disclosed: ddtrosDisclosed })
  ddtros(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return forward(this.upstream, ddtros.list, { p, req, query: queryAsSent(req) });
  }

  /** Counts by status and the median time from a number first seen to its order granted. */
  @Get('ddtros/stats')
  ddtroStats(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return forward(this.upstream, ddtros.stats, { p, req });
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
    return forward(this.upstream, ddtros.decide, {
      p,
      req,
      params: { id, decision },
      body: bodyAsSent(body),
    });
  }

  @Get('intelligence/audit')
  @PersonLevel('intelligence audit', { disclosed: entries })
  audit(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'intelligence.audit');
    return forward(this.upstream, INTERNAL.intelligence.audit.list, {
      p,
      req,
      query: queryAsSent(req),
    });
  }
}
