import {
  Controller,
  DynamicModule,
  Get,
  Inject,
  InjectionToken,
  Module,
  ModuleMetadata,
  Res,
} from '@nestjs/common';
import { Response } from 'express';
import { Check, HealthReport, runChecks } from './health';
import type { Readiness } from './metrics-listener';

const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
/** One service per process: its checks, as the probes' listener runs them. */
let readiness: Readiness | undefined;

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
          useFactory: (...deps: never[]): ChecksOf => {
            const checks = () => o.checks(...deps);
            readiness = () => runChecks(checks());
            return checks;
          },
        },
      ],
    };
  }
}

/**
 * The service's checks for the probes' listener, once its HealthModule is built; undefined in a
 * process without one (the gateway). Kept here rather than looked up in the application: asking
 * Nest for a provider it lacks ends the process.
 */
export function serviceReadiness(): Readiness | undefined {
  return readiness;
}
