import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, Operation } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { OperationEntity } from './operation.entity';
import { toOperation } from './operation.mapper';

@Injectable()
export class OperationsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest week first; a year has about four, so no paging is needed. */
  async list(): Promise<Operation[]> {
    const now = new Date();
    const rows = await this.db.manager.find(OperationEntity, {
      order: { startsAt: 'DESC', createdAt: 'DESC' },
    });
    return rows.map((r) => toOperation(r, now));
  }

  async get(id: string): Promise<Operation> {
    const entity = isUuid(id) ? await this.db.manager.findOneBy(OperationEntity, { id }) : null;
    if (!entity) throw new ProblemError('not_found', `No operation with id ${id}`);
    return toOperation(entity);
  }
}
