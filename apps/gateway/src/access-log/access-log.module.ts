import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { AccessLogController } from './access-log.controller';
import { ACCESS_POOL, openAccessPool } from './access-log.pool';
import { AccessLogReader } from './access-log.reader';
import { AccessLogWriter } from './access-log.writer';
import { PersonLevelInterceptor } from './person-level.interceptor';

/**
 * The s.62 access log: purpose, no-store and a durable entry for every person-level read.
 * Global, so the interceptor `@PersonLevel` binds resolves in whichever module the route is.
 */
@Global()
@Module({
  controllers: [AccessLogController],
  providers: [
    {
      provide: ACCESS_POOL,
      inject: [GATEWAY_ENV],
      useFactory: (env: GatewayEnv) => openAccessPool(env),
    },
    AccessLogWriter,
    AccessLogReader,
    PersonLevelInterceptor,
  ],
  exports: [AccessLogWriter, PersonLevelInterceptor],
})
export class AccessLogModule implements OnModuleDestroy {
  constructor(@Inject(ACCESS_POOL) private readonly pool: Pool) {}

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
