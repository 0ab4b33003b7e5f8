import { Body, Controller, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Line, Page } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { UpstreamClient } from '../upstream/upstream.client';
import { toIntelligence } from './forward';

const enc = encodeURIComponent;

/** The county lines register, owned by the intelligence service. */
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
    return toIntelligence<Line>(this.upstream, 'POST', '/internal/lines', p, req, res, {
      body: body ?? {},
    });
  }

  @Get()
  list(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return toIntelligence<Page<Line>>(this.upstream, 'GET', '/internal/lines', p, req);
  }

  /** Harm ranking for a week's focus: each line's score with the factors behind it. */
  @Get('ranking')
  ranking(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return toIntelligence(this.upstream, 'GET', '/internal/lines-ranking', p, req);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal, @Req() req: Request) {
    authorize(p, 'line.read');
    return toIntelligence<Line>(this.upstream, 'GET', `/internal/lines/${enc(id)}`, p, req);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ) {
    authorize(p, 'line.write');
    return toIntelligence<Line>(
      this.upstream,
      'PATCH',
      `/internal/lines/${enc(id)}`,
      p,
      req,
      undefined,
      { body: body ?? {} },
    );
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
    return toIntelligence<Line>(
      this.upstream,
      'POST',
      `/internal/lines/${enc(id)}/numbers`,
      p,
      req,
      res,
      { body: body ?? {} },
    );
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
    const key = req.header('idempotency-key');
    return toIntelligence(this.upstream, 'POST', `/internal/lines/${enc(id)}/ddtros`, p, req, res, {
      body: body ?? {},
      headers: key ? { 'idempotency-key': key } : {},
    });
  }
}
