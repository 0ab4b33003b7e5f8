import { DynamicModule, InjectionToken, Module, Provider } from '@nestjs/common';
import { CommonEnv } from './common-env';

/** The running service's environment as every shared module reads it (outbox, health). */
export const SERVICE_ENV = Symbol('SERVICE_ENV');

/**
 * Provides a service's environment, read once by `readEnv` at start-up, under the service's
 * own token and under `SERVICE_ENV`; `extra` adds process-wide values such as the clock.
 */
@Module({})
export class EnvModule {
  static forService<E extends CommonEnv>(
    token: InjectionToken,
    env: E,
    extra: Provider[] = [],
  ): DynamicModule {
    const tokens = [token, SERVICE_ENV, ...extra.map(providedToken)];
    return {
      module: EnvModule,
      global: true,
      providers: [
        { provide: token, useValue: env },
        { provide: SERVICE_ENV, useValue: env },
        ...extra,
      ],
      exports: tokens,
    };
  }
}

function providedToken(p: Provider): InjectionToken {
  return typeof p === 'function' ? p : p.provide;
}
