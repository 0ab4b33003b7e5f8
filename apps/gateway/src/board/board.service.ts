import { Injectable } from '@nestjs/common';
import { Board, INTERNAL } from '@intensify/contracts';
import { Principal, visibleRegion } from '@intensify/auth';
import { forcesInRegion, RegionCode } from '@intensify/reference-data';
import { UpstreamClient } from '../upstream/upstream.client';
import { readOperation } from '../upstream/read-operation';

@Injectable()
export class BoardService {
  constructor(private readonly upstream: UpstreamClient) {}

  /** The operation's status comes from its owner; the figures from the projection. */
  async read(operationId: string): Promise<Board> {
    const op = await readOperation(this.upstream, operationId);
    const params = { operationId: op.id };
    const figures = (await this.upstream.send(INTERNAL.projections.board.read, { params })).body;
    return { ...figures, operationId: op.id, status: op.status, final: op.status === 'closed' };
  }
}

/** Scoped users see national figures and only their own region's detail. */
export function scopeBoard(board: Board, p: Principal): Board {
  const region = visibleRegion(p);
  if (!region) return board;
  const forces = new Set(p.role === 'force' ? [p.force!] : forcesInRegion(region as RegionCode));
  const own = <T>(byForce: Record<string, T>) =>
    Object.fromEntries(Object.entries(byForce).filter(([code]) => forces.has(code)));
  return {
    ...board,
    regions: p.role === 'force' ? {} : { [region]: board.regions[region] },
    forces: own(board.forces),
    taskingsByRegion: p.role === 'force' ? {} : { [region]: board.taskingsByRegion[region] },
    taskingsByForce: own(board.taskingsByForce),
    overdueTaskings: board.overdueTaskings.filter((t) => forces.has(t.force)),
  };
}
