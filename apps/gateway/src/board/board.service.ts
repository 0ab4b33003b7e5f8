import { Injectable } from '@nestjs/common';
import { Board, INTERNAL } from '@intensify/contracts';
import { Principal, readScope, withinScope } from '@intensify/auth';
import { authorize } from '../auth/forbid';
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

  /** The board as the caller may see it (403 unless they may read boards at all). */
  async readFor(p: Principal, operationId: string): Promise<Board> {
    authorize(p, 'board.read');
    return scopeBoard(await this.read(operationId), p);
  }
}

/**
 * Everyone sees the national figures; regions and forces only within the caller's read scope
 * (the one policy decides which).
 */
export function scopeBoard(board: Board, p: Principal): Board {
  const { forces, regions } = readScope(p);
  return {
    ...board,
    regions: withinScope(board.regions, regions),
    forces: withinScope(board.forces, forces),
    taskingsByRegion: withinScope(board.taskingsByRegion, regions),
    taskingsByForce: withinScope(board.taskingsByForce, forces),
    overdueTaskings: board.overdueTaskings.filter((t) => !forces || forces.includes(t.force)),
    handoffsByRegion: withinScope(board.handoffsByRegion, regions),
    handoffsByForce: withinScope(board.handoffsByForce, forces),
  };
}
