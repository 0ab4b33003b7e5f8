import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Request } from 'express';
import { Actor, decodeActor, INTERNAL_HEADERS } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';

/** The caller the gateway vouches for; internal calls without one are refused. */
export const CallingActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const actor = decodeActor(req.header(INTERNAL_HEADERS.actor));
  if (!actor) throw new ProblemError('unauthorized', 'Internal call without an actor');
  return actor;
});

export const CorrelationId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<Request>().header(INTERNAL_HEADERS.correlationId) ?? randomUUID(),
);
