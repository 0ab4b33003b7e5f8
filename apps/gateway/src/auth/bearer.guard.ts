import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { TokenService } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { PRINCIPAL } from './current-principal.decorator';
import { IS_PUBLIC } from './public.decorator';

/**
 * Every route needs a valid bearer token unless marked public. Event streams may pass the
 * token as `access_token` because browsers' EventSource cannot set headers.
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
    const token = bearer(req) ?? (req.path.endsWith('/stream') ? queryToken(req) : undefined);
    if (!token)
      throw new ProblemError(
        'unauthorized',
        'A bearer token is required (Authorization: Bearer <JWT>)',
      );
    const principal = await this.tokens.verify(token);
    if (!principal) throw new ProblemError('unauthorized', 'The bearer token is not valid');
    (req as unknown as Record<string, unknown>)[PRINCIPAL] = principal;
    return true;
  }
}

/** The token of an `Authorization: Bearer` header, if any. */
export function bearer(req: Request): string | undefined {
  const h = req.header('authorization');
  const m = h?.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1];
}

function queryToken(req: Request): string | undefined {
  const t = req.query.access_token;
  return typeof t === 'string' && t ? t : undefined;
}
