import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { TokenService } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { PRINCIPAL, TOKEN_EXPIRES_AT } from './current-principal.decorator';
import { IS_PUBLIC } from './public.decorator';
import { queryToken } from './query-token-routes';

/**
 * Every route needs a valid bearer token unless marked public. The documented event streams
 * may pass the token as `access_token` (see query-token-routes).
 */
@Injectable()
export class BearerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]))
      return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const token = bearer(req) ?? queryToken(req);
    if (!token)
      throw new ProblemError(
        'unauthorized',
        'A bearer token is required (Authorization: Bearer <JWT>)',
      );
    const verified = await this.tokens.verifyToken(token);
    if (!verified) throw new ProblemError('unauthorized', 'The bearer token is not valid');
    Object.assign(req, {
      [PRINCIPAL]: verified.principal,
      [TOKEN_EXPIRES_AT]: verified.expiresAt,
    });
    return true;
  }
}

/** The token of an `Authorization: Bearer` header, if any. */
export function bearer(req: Request): string | undefined {
  const h = req.header('authorization');
  const m = h?.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1];
}
