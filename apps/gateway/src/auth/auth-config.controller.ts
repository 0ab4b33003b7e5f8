import { Controller, Get, Inject } from '@nestjs/common';
import { TokenService } from '@intensify/auth';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { Public } from './public.decorator';

/** What a page needs to sign in: dev sign-in, or the provider's authorization code flow (PKCE). */
export interface AuthConfig {
  mode: 'dev' | 'oidc';
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  clientId?: string;
}

@Controller('api/v1/auth')
export class AuthConfigController {
  constructor(
    private readonly tokens: TokenService,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  @Public()
  @Get('config')
  async config(): Promise<AuthConfig> {
    if (this.env.AUTH_MODE === 'dev') return { mode: 'dev' };
    // A provider that cannot be reached now still leaves the page its issuer to try later.
    const provider = await this.tokens.provider().catch(() => undefined);
    return {
      mode: 'oidc',
      issuer: this.env.AUTH_ISSUER,
      ...(provider?.authorization_endpoint && {
        authorizationEndpoint: provider.authorization_endpoint,
      }),
      ...(provider?.token_endpoint && { tokenEndpoint: provider.token_endpoint }),
      ...(this.env.AUTH_CLIENT_ID && { clientId: this.env.AUTH_CLIENT_ID }),
    };
  }
}
