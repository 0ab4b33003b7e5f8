import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenService } from '@intensify/auth';
import { GatewayEnv } from '../config';
import { AuthConfigController } from './auth-config.controller';
import { BearerGuard } from './bearer.guard';
import { DevTokenController } from './dev-token.controller';

@Module({})
export class AuthModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      controllers: [AuthConfigController, ...(env.AUTH_MODE === 'dev' ? [DevTokenController] : [])],
      providers: [
        {
          provide: TokenService,
          useValue: new TokenService({
            mode: env.AUTH_MODE,
            devSecret: env.AUTH_DEV_SECRET,
            issuer: env.AUTH_ISSUER,
            audience: env.AUTH_AUDIENCE,
            jwksUri: env.AUTH_JWKS_URI,
            algorithms: env.AUTH_ALGORITHMS,
            claimNames: {
              role: env.AUTH_CLAIM_ROLE,
              region: env.AUTH_CLAIM_REGION,
              force: env.AUTH_CLAIM_FORCE,
            },
            jwksCooldownMs: env.AUTH_JWKS_COOLDOWN_MS,
          }),
        },
        { provide: APP_GUARD, useClass: BearerGuard },
      ],
      exports: [TokenService],
    };
  }
}
