import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AddressRateLimitMiddleware } from './address-rate-limit.middleware';
import { LimitsRedis } from './limits-redis';
import { RateLimits } from './rate-limits';
import { StreamSlots } from './stream-slots';
import { UserLimitsGuard } from './user-limits.guard';

/**
 * How much one caller may ask: requests per address and per user, dev sign-ins, uploads and
 * open live streams, counted in Redis. Imported after the auth module, so that its guard runs
 * after the bearer guard has named the user.
 */
@Module({
  providers: [
    LimitsRedis,
    RateLimits,
    StreamSlots,
    { provide: APP_GUARD, useClass: UserLimitsGuard },
  ],
})
export class LimitsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AddressRateLimitMiddleware).forRoutes('*');
  }
}
