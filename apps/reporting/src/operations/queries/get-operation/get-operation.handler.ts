import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, Operation } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { GetOperationQuery } from './get-operation.query';

@QueryHandler(GetOperationQuery)
export class GetOperationHandler implements IQueryHandler<GetOperationQuery, Operation> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ id }: GetOperationQuery): Promise<Operation> {
    const entity = isUuid(id) ? await this.db.manager.findOneBy(OperationEntity, { id }) : null;
    if (!entity) throw new ProblemError('not_found', `No operation with id ${id}`);
    return toOperation(entity);
  }
}
