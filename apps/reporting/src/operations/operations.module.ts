import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CloseOperationHandler } from './commands/close-operation/close-operation.handler';
import { CreateOperationHandler } from './commands/create-operation/create-operation.handler';
import { ReopenOperationHandler } from './commands/reopen-operation/reopen-operation.handler';
import { GetOperationHandler } from './queries/get-operation/get-operation.handler';
import { ListOperationsHandler } from './queries/list-operations/list-operations.handler';
import { FocusForcesConsumer } from './focus-forces/focus-forces.consumer';
import { OperationsController } from './operations.controller';

@Module({
  imports: [CqrsModule],
  controllers: [OperationsController],
  providers: [
    CreateOperationHandler,
    CloseOperationHandler,
    ReopenOperationHandler,
    GetOperationHandler,
    ListOperationsHandler,
    FocusForcesConsumer,
  ],
  exports: [FocusForcesConsumer],
})
export class OperationsModule {}
