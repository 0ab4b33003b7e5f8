import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import {
  INTERNAL,
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
import { ScopedFrames } from '../live/scoped-frames';
import { requireIdempotencyKey } from '../outcomes/idempotency-key';
import { bodyAsSent, Caller, forward } from '../upstream/forward';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { readOpenOperation, readOperation } from '../upstream/read-operation';
import { UpstreamClient } from '../upstream/upstream.client';
import { LineReferences } from '../intelligence/line-references';
import { OperationTaskings, scopeTaskings, TaskingStreamService } from './tasking-stream.service';

const TASKINGS = INTERNAL.tasking.taskings;

/** An operation's pushed taskings, scoped and encoded once per read scope, not once per viewer. */
const TASKING_FRAMES = new ScopedFrames<OperationTaskings>(
  'taskings',
  ({ operationId, all }, p) => ({ operationId, items: scopeTaskings(all, p) }),
);

@Controller('api/v1')
export class TaskingsController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly stream: TaskingStreamService,
    private readonly lines: LineReferences,
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
    @CurrentCaller('owner-status') caller: Caller,
  ): Promise<unknown> {
    authorize(caller.p, 'tasking.issue');
    const idempotencyKey = requireIdempotencyKey(rawKey);
    const request = validateIssueTaskings(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    for (const t of request.value.taskings)
      authorize(caller.p, 'tasking.issue', { force: t.force });
    const lineErrors = await this.lines.errors(
      caller.p,
      request.value.taskings.flatMap((t, i) =>
        t.lineId
          ? [{ field: request.value.bulk ? `taskings.${i}.lineId` : 'lineId', lineId: t.lineId }]
          : [],
      ),
    );
    if (lineErrors.length) throw ProblemError.validation(lineErrors);
    const op = await readOpenOperation(this.upstream, operationId, 'it takes no new taskings');
    return forward(this.upstream, TASKINGS.issue, {
      ...caller,
      params: { operationId: op.id },
      body: bodyAsSent(body),
      idempotencyKey,
    });
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
    return (await this.upstream.send(TASKINGS.list, { query: q.value, actor: p })).body;
  }

  /**
   * Server-Sent Events: `taskings` with the operation's taskings in the caller's scope on
   * connect and after every change (issue, transition, reminder, overdue, escalation),
   * coalesced. Declared before `taskings/:id` so that `stream` is not taken for an id.
   */
  @Get('taskings/stream')
  async streamTaskings(
    @Query('operationId') operationId: unknown,
    @CurrentCaller() { p, req }: Caller,
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
    const send = (taskings: OperationTaskings) =>
      stream.sendFrame('taskings', TASKING_FRAMES.frame(taskings, p));
    send(first);
    unsubscribe = this.stream.subscribe(op.id, { push: send, end: stream.end });
  }

  /** One tasking with its full history. */
  @Get('taskings/:id')
  async get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<Tasking> {
    authorize(p, 'tasking.read');
    return (await this.upstream.send(TASKINGS.get, { params: { id }, actor: p })).body;
  }
}
