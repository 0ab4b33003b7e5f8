import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '@intensify/auth';

export const PRINCIPAL = 'principal';
/** When the request's token expires (ms since the epoch): live streams end then. */
export const TOKEN_EXPIRES_AT = 'tokenExpiresAt';

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest()[PRINCIPAL],
);
