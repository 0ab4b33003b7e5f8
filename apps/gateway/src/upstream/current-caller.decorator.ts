import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request, Response } from 'express';
import { Principal } from '@intensify/auth';
import { PRINCIPAL } from '../auth/current-principal.decorator';
import { Caller } from './forward';

/**
 * Who asks, on which request. With `'owner-status'` the caller carries the response too, so
 * that `forward` answers with the owning service's status (200, 201, 202) and not the route's;
 * unlike `@Res()`, that leaves sending the answer to Nest.
 */
export const CurrentCaller = createParamDecorator(
  (answer: 'owner-status' | undefined, ctx: ExecutionContext): Caller => {
    const http = ctx.switchToHttp();
    const req = http.getRequest<Request & { [PRINCIPAL]: Principal }>();
    const caller: Caller = { p: req[PRINCIPAL], req };
    if (answer === 'owner-status') caller.res = http.getResponse<Response>();
    return caller;
  },
);
