import {
  Controller,
  DynamicModule,
  Get,
  Inject,
  INestApplicationContext,
  InjectionToken,
  Module,
  ModuleMetadata,
  Res,
} from '@nestjs/common';
import { Response } from 'express';
import { Check, HealthReport, runChecks } from './health';
import type { Readiness } from './metrics-listener';

const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

type ChecksOf = () => Record<string, Check>;

export interface ServiceHealthOptions {
  /** Modules exporting what the checks need. */
  imports?: ModuleMetadata['imports'];
  inject: InjectionToken[];
  /** The service's checks, built from the injected providers at each request. */
  checks: (...deps: never[]) => Record<string, Check>;
}

/** `GET /internal/health`: 200 when every check is up, 503 naming the ones that are not. */
@Controller('internal/health')
class InternalHealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: ChecksOf) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await runChecks(this.checks());
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}

@Module({})
export class HealthModule {
  static forService(o: ServiceHealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: o.imports ?? [],
      controllers: [InternalHealthController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          inject: o.inject,
          useFactory:
            (...deps: never[]): ChecksOf =>
            () =>
              o.checks(...deps),
        },
      ],
    };
  }
}

/** The service's checks for the probes' listener, when it has a HealthModule; else undefined. */
export function readinessOf(app: INestApplicationContext): Readiness | undefined {
  let checks: ChecksOf;
  try {
    checks = app.get<ChecksOf>(HEALTH_CHECKS, { strict: false });
  } catch {
    return undefined;
  }
  return () => runChecks(checks());
}
