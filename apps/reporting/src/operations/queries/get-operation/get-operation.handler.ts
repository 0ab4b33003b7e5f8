import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Operation } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { GetOperationQuery } from './get-operation.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@QueryHandler(GetOperationQuery)
export class GetOperationHandler implements IQueryHandler<GetOperationQuery, Operation> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ id }: GetOperationQuery): Promise<Operation> {
    const entity = UUID.test(id) ? await this.db.manager.findOneBy(OperationEntity, { id }) : null;
    if (!entity) throw new ProblemError('not_found', `No operation with id ${id}`);
    return toOperation(entity);
  }
}
