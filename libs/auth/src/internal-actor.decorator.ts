import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Request } from 'express';
import { Actor } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { serviceCallOf } from './service-credentials/service-credential.guard';

function actorOf(ctx: ExecutionContext): Actor {
  const actor = serviceCallOf(ctx.switchToHttp().getRequest<Request>())?.actor;
  if (!actor) throw new ProblemError('unauthenticated', 'The service credential names no actor');
  return actor;
}

function correlationIdOf(ctx: ExecutionContext): string {
  return serviceCallOf(ctx.switchToHttp().getRequest<Request>())?.correlationId ?? randomUUID();
}

/** Whom the calling service acts for, from its verified credential; a call without one is refused. */
export const CallingActor = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  actorOf(ctx),
);

/** The correlation id the calling service signed into its credential, else a new one. */
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
