import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Request } from 'express';
import { Actor, INTERNAL_HEADERS } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { serviceCallOf } from './service-credentials/service-credential.guard';

function actorOf(ctx: ExecutionContext): Actor {
  const actor = serviceCallOf(ctx.switchToHttp().getRequest<Request>())?.actor;
  if (!actor) throw new ProblemError('unauthenticated', 'The service credential names no actor');
  return actor;
}

/** What a correlation id may be: a trace label of printable ASCII, no spaces, no free text. */
const CORRELATION_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * The correlation id of the request the calling service handles: its `x-correlation-id` header
 * (the guard has already checked the credential; the id labels a trace and grants nothing),
 * else one signed into the credential by an older caller, else a new one.
 */
function correlationIdOf(ctx: ExecutionContext): string {
  const req = ctx.switchToHttp().getRequest<Request>();
  const sent = req.header(INTERNAL_HEADERS.correlationId);
  if (sent && CORRELATION_ID.test(sent)) return sent;
  return serviceCallOf(req)?.correlationId ?? randomUUID();
}

/** Whom the calling service acts for, from its verified credential; a call without one is refused. */
export const CallingActor = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  actorOf(ctx),
);

/** The correlation id of the request the calling service handles (see `correlationIdOf`). */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  correlationIdOf(ctx),
);

/** Who acts and under which correlation id: what every write (and every audited read) passes on. */
export interface RequestContext {
  actor: Actor;
  correlationId: string;
}

/** `@CallingActor()` and `@CorrelationId()` in one parameter, for handlers that need both. */
export const RequestContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestContext => ({
    actor: actorOf(ctx),
    correlationId: correlationIdOf(ctx),
  }),
);
