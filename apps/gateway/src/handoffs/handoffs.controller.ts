import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import {
  Handoff,
  INTERNAL,
  isUuid,
  Page,
  validateHandoffListQuery,
  validateRaiseHandoff,
} from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { PersonLevel } from '../access-log/person-level.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { bodyAsSent, forward } from '../upstream/forward';
import { readOpenOperation } from '../upstream/read-operation';
import { UpstreamClient } from '../upstream/upstream.client';
import { checkHandoffId, checkWrite, requireJsonBody } from './handoff-request';
import { handoffPage, mayRead, oneHandoff, scopeHandoffs } from './handoff-scope';
import { HandoffStreamService } from './handoff-stream.service';
import { openHandoffStream } from './handoff-stream-viewer';

const HANDOFFS = INTERNAL.safeguarding.handoffs;

/**
 * Safeguarding hand-offs, owned by the safeguarding service. Here: the caller's role and scope
 * from the one policy, the body against the contract, the week's state; every answer names a
 * person, so every one is logged and not cached.
 */
@ApiTags('handoffs')
@Controller('api/v1/handoffs')
export class HandoffsController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly stream: HandoffStreamService,
  ) {}

  /** 201 with the hand-off when raised, 200 with it when the same key and body come again. */
  @Post()
  @PersonLevel('hand-offs', { disclosed: oneHandoff, write: true })
  async raise(
    @Body() body: unknown,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Handoff> {
    authorize(p, 'handoff.raise');
    requireJsonBody(req);
    const { idempotencyKey, value } = checkWrite(rawKey, validateRaiseHandoff(body, new Date()));
    const { foundForce, operationId } = value;
    authorize(p, 'handoff.raise', { force: foundForce });
    if (operationId) await readOpenOperation(this.upstream, operationId, 'it takes no hand-offs');
    const handoff = await forward(this.upstream, HANDOFFS.raise, {
      p,
      req,
      res,
      body: bodyAsSent(body),
      idempotencyKey,
    });
    this.stream.announce(handoff.operationId);
    return handoff;
  }

  /** Hand-offs in the caller's scope, in the service's order, page by page. */
  @Get()
  @PersonLevel('hand-offs', { disclosed: handoffPage })
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<Page<Handoff>> {
    authorize(p, 'handoff.read');
    const q = validateHandoffListQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    const page = await forward(this.upstream, HANDOFFS.list, { p, req, query: q.value });
    return { ...page, items: scopeHandoffs(page.items, p) };
  }

  /**
   * Server-Sent Events: `handoffs` with the hand-offs in the caller's scope (of one week, or
   * all) on connect and after every change, coalesced. Each frame's subjects are added to the
   * stream's access-log entry before it is sent. Declared before `:id` so `stream` is no id.
   */
  @Get('stream')
  @PersonLevel('hand-offs', { disclosed: handoffPage, stream: true })
  async streamHandoffs(
    @Query('operationId') operationId: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(p, 'handoff.read');
    if (operationId !== undefined && (typeof operationId !== 'string' || !isUuid(operationId)))
      throw ProblemError.validation([
        { field: 'operationId', message: 'must be the id of one operation, or left out for all' },
      ]);
    await openHandoffStream(this.stream, this.upstream, { operationId, p, req, res });
  }

  /** One hand-off with its history and the subject's earlier hand-offs. */
  @Get(':id')
  @PersonLevel('hand-offs', { disclosed: oneHandoff })
  async get(
    @Param('id') id: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<Handoff> {
    authorize(p, 'handoff.read');
    const handoff = await forward(this.upstream, HANDOFFS.get, {
      p,
      req,
      params: { id: checkHandoffId(id) },
    });
    if (!mayRead(p, handoff))
      throw new ProblemError('forbidden_scope', `Hand-off ${id} is outside your scope`);
    return handoff;
  }
}
