import { Controller, Get, Param } from '@nestjs/common';
import { FocusLineResults, INTERNAL } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { readOperation } from '../upstream/read-operation';
import { UpstreamClient } from '../upstream/upstream.client';
import { scopeFocusLineResults } from './scope-focus-line-results';

/**
 * What happened to a week's focus lines and their holders' other lines. The register knows
 * which lines share a holder (ids only leave it; the holders never do), the projection knows
 * what happened to every line: the gateway asks the first and hands the answer to the second.
 */
@Controller('api/v1/operations/:operationId/focus-lines/results')
export class FocusLineResultsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  async read(
    @Param('operationId') operationId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<FocusLineResults> {
    authorize(p, 'board.read');
    const op = await readOperation(this.upstream, operationId);
    const network = await this.upstream.send(INTERNAL.intelligence.ranking.focusNetwork, {
      params: { operationId: op.id },
    });
    const results = await this.upstream.send(INTERNAL.projections.focusResults.read, {
      params: { operationId: op.id },
      body: { network: network.body },
    });
    return scopeFocusLineResults(results.body, p);
  }
}
