import { Body, Controller, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { INTERNAL } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { lineDetail, lineSearch } from '../access-log/disclosed';
import { PersonLevel } from '../access-log/person-level.decorator';
import { bodyAsSent, forward, queryAsSent } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';

const { lines, ranking, ddtros } = INTERNAL.intelligence;

/** The county lines register, owned by the intelligence service, which validates and scopes. */
@ApiTags('lines')
@Controller('api/v1/lines')
export class LinesController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Post()
  register(
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    authorize(p, 'line.write');
    return forward(this.upstream, lines.register, { p, req, res, body: bodyAsSent(body) });
  }

  @Get()
  @PersonLevel('line search', { disclosed: lineSearch })
  list(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return forward(this.upstream, lines.list, { p, req, query: queryAsSent(req) });
  }

  /** Harm ranking for a week's focus: each line's score with the factors behind it. */
  @Get('ranking')
  ranking(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return forward(this.upstream, ranking.rank, { p, req, query: queryAsSent(req) });
  }

  @Get(':id')
  @PersonLevel('line detail', { disclosed: lineDetail })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return forward(this.upstream, lines.get, { p, req, params: { id } });
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ) {
    authorize(p, 'line.write');
    return forward(this.upstream, lines.update, { p, req, params: { id }, body: bodyAsSent(body) });
  }

  @Post(':id/numbers')
  addNumber(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    authorize(p, 'line.write');
    return forward(this.upstream, lines.addNumber, {
      p,
      req,
      res,
      params: { id },
      body: bodyAsSent(body),
    });
  }

  /** Orders for several numbers of the line at once; `Idempotency-Key` required. */
  @Post(':id/ddtros')
  applyDdtros(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    authorize(p, 'line.write');
    return forward(this.upstream, ddtros.apply, {
      p,
      req,
      res,
      params: { lineId: id },
      body: bodyAsSent(body),
      idempotencyKey: req.header('idempotency-key'),
    });
  }
}
