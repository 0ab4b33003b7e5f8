import { Controller, Get, Param } from '@nestjs/common';
import { GAMING_CHECK_RULE, GamingCheck, INTERNAL, isoWeekOf } from '@intensify/contracts';
import { Principal, readScope } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { readOperation } from '../upstream/read-operation';
import { UpstreamClient } from '../upstream/upstream.client';

@Controller('api/v1/operations/:operationId/gaming-check')
export class GamingCheckController {
  constructor(private readonly upstream: UpstreamClient) {}

  /**
   * Each force's four weeks before the week against its own twelve before those; national
   * roles see every force (the NCLCC before the week starts), others the forces in their scope.
   */
  @Get()
  async read(
    @Param('operationId') operationId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<GamingCheck> {
    authorize(p, 'baseline.read');
    const op = await readOperation(this.upstream, operationId);
    const isoWeek = isoWeekOf(new Date(op.startsAt));
    const checked = (
      await this.upstream.send(INTERNAL.projections.baselines.gamingCheck, {
        params: { isoWeek },
      })
    ).body;
    const { forces } = readScope(p);
    const { recent, baseline } = checked;
    return {
      operationId: op.id,
      isoWeek,
      recentWeeks: { from: recent[0], to: recent[recent.length - 1] },
      baselineWeeks: { from: baseline[0], to: baseline[baseline.length - 1] },
      skippedWeeks: checked.skipped,
      rule: {
        dropAtLeastPercent: GAMING_CHECK_RULE.dropAtLeastPercent,
        minRecentWeeksReported: GAMING_CHECK_RULE.minRecentWeeksReported,
        minBaselineWeeksReported: GAMING_CHECK_RULE.minBaselineWeeksReported,
        minBaselineMean: GAMING_CHECK_RULE.minBaselineMean as Record<string, number>,
      },
      forces: checked.forces.filter((f) => !forces || forces.includes(f.force)),
    };
  }
}
