import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import {
  Page,
  Tasking,
  validateIssueTaskings,
  validateTaskingListQuery,
} from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { openEventStream } from '../live/event-stream';
import { requireIdempotencyKey } from '../outcomes/idempotency-key';
import { correlationIdOf } from '../upstream/correlation';
import { UpstreamClient } from '../upstream/upstream.client';
import { scopeTaskings, TaskingStreamService } from './tasking-stream.service';
import { readOperation } from '../upstream/read-operation';

const enc = encodeURIComponent;

@Controller('api/v1')
export class TaskingsController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly stream: TaskingStreamService,
  ) {}

  /**
   * One tasking, or `{ taskings: [...] }` for many at once (all or nothing): 201 when issued,
   * 200 when the same key and body are replayed. The week must exist and be open.
   */
  @Post('operations/:operationId/taskings')
  async issue(
    @Param('operationId') operationId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    authorize(p, 'tasking.issue');
    const key = requireIdempotencyKey(rawKey);
    const request = validateIssueTaskings(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    for (const t of request.value.taskings) authorize(p, 'tasking.issue', { force: t.force });
    const op = await readOperation(this.upstream, operationId);
    if (op.status === 'closed')
      throw new ProblemError(
        'operation_closed',
        `Operation ${op.id} is closed; it takes no new taskings`,
      );
    const answer = await this.upstream.call(
      'tasking',
      'POST',
      `/internal/operations/${op.id}/taskings`,
      {
        body,
        actor: p,
        correlationId: correlationIdOf(req),
        headers: { 'idempotency-key': key },
      },
    );
    res.status(answer.status);
    return answer.body;
  }

  /** Taskings in the caller's scope, newest first. */
  @Get('taskings')
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() p: Principal,
  ): Promise<Page<Tasking>> {
    authorize(p, 'tasking.read');
    const q = validateTaskingListQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    const params = new URLSearchParams(q.value as Record<string, string>);
    return (
      await this.upstream.call<Page<Tasking>>('tasking', 'GET', `/internal/taskings?${params}`, {
        actor: p,
      })
    ).body;
  }

  /**
   * Server-Sent Events: `taskings` with the operation's taskings in the caller's scope on
   * connect and after every change (issue, transition, reminder, overdue, escalation),
   * coalesced. Declared before `taskings/:id` so that `stream` is not taken for an id.
   */
  @Get('taskings/stream')
  async streamTaskings(
    @Query('operationId') operationId: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(p, 'tasking.read');
    if (
      typeof operationId !== 'string' ||
      !operationId ||
      !validateTaskingListQuery({ operationId }).ok
    )
      throw ProblemError.validation([
        { field: 'operationId', message: 'is required: the id of one operation' },
      ]);
    const op = await readOperation(this.upstream, operationId);
    const first = await this.stream.read(op.id);
    let unsubscribe = () => {};
    const stream = openEventStream(req, res, () => unsubscribe());
    const send = (all: Tasking[]) =>
      stream.send('taskings', { operationId: op.id, items: scopeTaskings(all, p) });
    send(first);
    unsubscribe = this.stream.subscribe(op.id, { push: send, end: stream.end });
  }

  /** One tasking with its full history. */
  @Get('taskings/:id')
  async get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<Tasking> {
    authorize(p, 'tasking.read');
    return (
      await this.upstream.call<Tasking>('tasking', 'GET', `/internal/taskings/${enc(id)}`, {
        actor: p,
      })
    ).body;
  }
}
