import { Controller, Get, Param, Query } from '@nestjs/common';
import { BoardTimeline, INTERNAL } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { UpstreamClient } from '../upstream/upstream.client';
import { boardFilter } from './board-filter';
import { readOperation } from '../upstream/read-operation';

@Controller('api/v1/operations/:operationId/board/timeline')
export class BoardTimelineController {
  constructor(private readonly upstream: UpstreamClient) {}

  /** Outcomes per hour of `occurredAt`, by type: national, or one force or region in scope. */
  @Get()
  async timeline(
    @Param('operationId') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() p: Principal,
  ): Promise<BoardTimeline> {
    authorize(p, 'board.read');
    const filter = boardFilter(p, query);
    const op = await readOperation(this.upstream, id);
    const hours = (
      await this.upstream.send(INTERNAL.projections.timeline.read, {
        params: { operationId: op.id },
        query: { forces: filter.forces?.join(',') },
      })
    ).body;
    return { operationId: op.id, force: filter.force, region: filter.region, hours };
  }
}
