import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { INTERNAL } from '@intensify/contracts';
import { CheckResult, HealthReport, runChecks } from '@intensify/runtime';
import { Public } from '../auth/public.decorator';
import { BoardStreamService } from '../board/board-stream.service';
import { Service, UpstreamClient } from '../upstream/upstream.client';

/**
 * The platform's public health (each service serves its own at `internal/health` from the shared
 * HealthModule). 200 once Kafka, PostgreSQL and Redis answer and every consumer has its partitions;
 * 503 naming the failing checks otherwise. Each service checks its own dependencies and the
 * gateway merges them, so `checks` names the dependency (`kafka`, `postgres`, …) and the service.
 */
@ApiTags('health')
@Public()
@Controller('api/v1/health')
export class PlatformHealthController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly stream: BoardStreamService,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const inner: Record<string, HealthReport['checks']> = {};
    const service = (name: Service) => async () => {
      const answer = await this.upstream.send(INTERNAL[name].health.read, { returnErrors: true });
      const report = answer.body as HealthReport;
      inner[name] = report.checks;
      if (report.status !== 'ok') throw new Error(`${name} is not healthy`);
    };
    const [own, gateway] = await Promise.all([
      runChecks(
        {
          reporting: service('reporting'),
          projections: service('projections'),
          tasking: service('tasking'),
          intelligence: service('intelligence'),
          safeguarding: service('safeguarding'),
        },
        4000,
      ),
      runChecks({ redis: async () => void (await this.stream.redis.ping()) }),
    ]);
    inner.gateway = gateway.checks;
    const checks = { ...own.checks, ...mergeByDependency(inner) };
    const ok = Object.values(checks).every((c) => c.status === 'up');
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks };
  }
}

/** `{reporting: {postgres}, projections: {postgres}}` → `{postgres: {status, reporting, projections}}`. */
function mergeByDependency(
  byService: Record<string, Record<string, CheckResult>>,
): Record<string, CheckResult> {
  const merged: Record<string, CheckResult> = {};
  for (const [service, checks] of Object.entries(byService)) {
    for (const [dependency, result] of Object.entries(checks)) {
      const m = (merged[dependency] ??= { status: 'up' });
      if (result.status === 'down') m.status = 'down';
      m[service] = result;
    }
  }
  return merged;
}
