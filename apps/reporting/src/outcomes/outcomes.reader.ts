import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, isUuid, OutcomeItem, OutcomeVersion, Page } from '@intensify/contracts';
import { readableForces } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { operationNotFound } from '../operations/open-operation';
import { OperationEntity } from '../operations/operation.entity';
import { OutcomeEntity } from './outcome.entity';
import { OutcomeVersionEntity } from './outcome-version.entity';

export interface OutcomeFilter {
  force?: string;
  type?: string;
  status?: 'live' | 'retracted';
  cursor?: string;
  limit: number;
}

@Injectable()
export class OutcomesReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A week's outcomes within the caller's scope, newest first, each with its whole version
   * history; the cursor is the last item's sequence.
   */
  async list(operationId: string, filter: OutcomeFilter, actor: Actor): Promise<Page<OutcomeItem>> {
    if (
      !isUuid(operationId) ||
      !(await this.db.manager.existsBy(OperationEntity, { id: operationId }))
    ) {
      throw operationNotFound(operationId);
    }
    const q = this.db.manager
      .createQueryBuilder(OutcomeEntity, 'o')
      .where('o.operation_id = :operationId', { operationId })
      .orderBy('o.seq', 'DESC')
      .take(filter.limit + 1);
    const forces = readableForces(actor);
    if (forces) q.andWhere('o.force = ANY(:forces)', { forces });
    if (filter.force) q.andWhere('o.force = :force', { force: filter.force });
    if (filter.type) q.andWhere('o.type = :type', { type: filter.type });
    if (filter.status)
      q.andWhere(
        filter.status === 'live' ? 'o.retracted_at IS NULL' : 'o.retracted_at IS NOT NULL',
      );
    if (filter.cursor) q.andWhere('o.seq < :seq', { seq: decodeCursor(filter.cursor) });
    const rows = await q.getMany();
    const page = rows.slice(0, filter.limit);
    const versions = page.length
      ? await this.db.manager
          .createQueryBuilder(OutcomeVersionEntity, 'v')
          .where('v.outcome_id IN (:...ids)', { ids: page.map((r) => r.id) })
          .orderBy('v.version', 'ASC')
          .getMany()
      : [];
    const byOutcome = new Map<string, OutcomeVersion[]>();
    for (const v of versions) {
      const list = byOutcome.get(v.outcomeId) ?? [];
      list.push({
        version: v.version,
        body: v.body,
        recordedAt: v.recordedAt.toISOString(),
        recordedBy: { sub: v.actor.sub, role: v.actor.role },
      });
      byOutcome.set(v.outcomeId, list);
    }
    return {
      items: page.map((r) => toItem(r, byOutcome.get(r.id) ?? [])),
      nextCursor: rows.length > filter.limit ? encodeCursor(page[page.length - 1].seq) : null,
    };
  }
}

function toItem(r: OutcomeEntity, versions: OutcomeVersion[]): OutcomeItem {
  return {
    id: r.id,
    operationId: r.operationId,
    type: r.current.type,
    force: r.force,
    version: r.version,
    status: r.retractedAt ? 'retracted' : 'live',
    current: r.current,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    ...(r.retraction && { retraction: r.retraction }),
    versions,
  };
}

function encodeCursor(seq: string): string {
  return Buffer.from(`o:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const m = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .match(/^o:(\d{1,19})$/);
  if (!m)
    throw ProblemError.validation([
      { field: 'cursor', message: 'is not a cursor this API gave out' },
    ]);
  return m[1];
}
