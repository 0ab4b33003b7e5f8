import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { changeWriter } from '@intensify/messaging';
import { SCHEMA } from '../config';
import { CloseOperationHandler } from './commands/close-operation/close-operation.handler';
import { CreateOperationHandler } from './commands/create-operation/create-operation.handler';
import { ReopenOperationHandler } from './commands/reopen-operation/reopen-operation.handler';
import { UpdateOperationHandler } from './commands/update-operation/update-operation.handler';
import { FocusForcesConsumer } from './focus-forces/focus-forces.consumer';
import { OperationsController } from './operations.controller';
import { OperationsReader } from './operations.reader';

@Module({
  imports: [CqrsModule],
  controllers: [OperationsController],
  providers: [
    changeWriter({ schema: SCHEMA, topic: (t) => t.operations }),
    CreateOperationHandler,
    CloseOperationHandler,
    ReopenOperationHandler,
    UpdateOperationHandler,
    OperationsReader,
    FocusForcesConsumer,
  ],
  exports: [FocusForcesConsumer],
})
export class OperationsModule {}
