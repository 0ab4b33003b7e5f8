import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Operation } from '@intensify/contracts';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { ListOperationsQuery } from './list-operations.query';

/** Newest week first; a year has about four, so no paging is needed. */
@QueryHandler(ListOperationsQuery)
export class ListOperationsHandler implements IQueryHandler<ListOperationsQuery, Operation[]> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(): Promise<Operation[]> {
    const now = new Date();
    const rows = await this.db.manager.find(OperationEntity, {
      order: { startsAt: 'DESC', createdAt: 'DESC' },
    });
    return rows.map((r) => toOperation(r, now));
  }
}
