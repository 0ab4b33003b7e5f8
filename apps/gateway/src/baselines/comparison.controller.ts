import { Controller, Get, Param } from '@nestjs/common';
import { INTERNAL, Operation, WeekComparison } from '@intensify/contracts';
import { PUBLISHED_NATIONAL_RESULTS } from '@intensify/reference-data';
import { Principal, readScope, withinScope } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { readOperation } from '../upstream/read-operation';
import { UpstreamClient } from '../upstream/upstream.client';

const HOUR_MS = 3_600_000;

/**
 * Whole hours begun since the hour the week started in: 0 before it starts, and no more than
 * the week has (results still arriving after its end compare at its full length).
 */
export function hoursIntoWeek(op: Pick<Operation, 'startsAt' | 'endsAt'>, now: Date): number {
  const startHour = Math.floor(Date.parse(op.startsAt) / HOUR_MS) * HOUR_MS;
  const begun = (at: number) => Math.floor((at - startHour) / HOUR_MS) + 1;
  return Math.max(
    0,
    Math.min(begun(now.getTime()), Math.ceil((Date.parse(op.endsAt) - startHour) / HOUR_MS)),
  );
}

@Controller('api/v1/operations/:operationId/comparison')
export class ComparisonController {
  constructor(private readonly upstream: UpstreamClient) {}

  /**
   * This week against every earlier week: at the same hours into the week while it is open,
   * whole weeks once it is closed; regions and forces within the caller's read scope.
   */
  @Get()
  async read(
    @Param('operationId') operationId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<WeekComparison> {
    authorize(p, 'board.read');
    const op: Operation = await readOperation(this.upstream, operationId);
    const hours = op.status === 'closed' ? null : hoursIntoWeek(op, new Date());
    const { thisWeek, earlierWeeks } = (
      await this.upstream.send(INTERNAL.projections.comparison.read, {
        params: { operationId: op.id },
        query: { hours: hours ?? undefined },
      })
    ).body;
    const { forces, regions } = readScope(p);
    const scoped = <W extends WeekComparison['thisWeek']>(w: W): W => ({
      ...w,
      regions: withinScope(w.regions, regions),
      forces: withinScope(w.forces, forces),
    });
    return {
      operationId: op.id,
      basis: hours === null ? 'whole-weeks' : 'same-hours',
      hoursIntoWeek: hours,
      thisWeek: scoped(thisWeek),
      earlierWeeks: earlierWeeks.map(scoped),
      published: [...PUBLISHED_NATIONAL_RESULTS],
    };
  }
}
