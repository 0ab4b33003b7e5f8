import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '@intensify/auth';

export const PRINCIPAL = 'principal';

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest()[PRINCIPAL],
);
