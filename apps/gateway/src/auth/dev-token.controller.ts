import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { checkSchema, DEV_TOKEN_SCHEMA, DevTokenRequest } from '@intensify/contracts';
import { TokenService } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { Public } from './public.decorator';

/** Local and test sign-in; the route exists only in AUTH_MODE=dev (see auth.module). */
@ApiExcludeController()
@Controller('api/v1/auth')
export class DevTokenController {
  constructor(private readonly tokens: TokenService) {}

  @Public()
  @Post('dev-token')
  @HttpCode(200)
  async issue(@Body() body: unknown): Promise<{ token: string }> {
    const errors = checkSchema(DEV_TOKEN_SCHEMA, body);
    if (errors.length) throw ProblemError.validation(errors);
    const { sub, role, region, force } = body as DevTokenRequest;
    return { token: await this.tokens.issueDevToken({ sub, role, region, force }) };
  }
}
