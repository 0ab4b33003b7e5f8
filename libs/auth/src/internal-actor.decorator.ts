import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Request } from 'express';
import { Actor } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { serviceCallOf } from './service-credentials/service-credential.guard';

/** Whom the calling service acts for, from its verified credential; a call without one is refused. */
export const CallingActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = serviceCallOf(ctx.switchToHttp().getRequest<Request>())?.actor;
  if (!actor) throw new ProblemError('unauthenticated', 'The service credential names no actor');
  return actor;
});

/** The correlation id the calling service signed into its credential, else a new one. */
export const CorrelationId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string =>
    serviceCallOf(ctx.switchToHttp().getRequest<Request>())?.correlationId ?? randomUUID(),
);
