import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CreateOperation,
  INTERNAL,
  Operation,
  ReasonBody,
  UpdateOperation,
  validateCreateOperation,
  validateReason,
  validateUpdateOperation,
} from '@intensify/contracts';
import { checkedBy } from '@intensify/problems';
import { RequestContext } from '@intensify/auth';
import { CloseOperationCommand } from './commands/close-operation/close-operation.command';
import { CreateOperationCommand } from './commands/create-operation/create-operation.command';
import { ReopenOperationCommand } from './commands/reopen-operation/reopen-operation.command';
import { UpdateOperationCommand } from './commands/update-operation/update-operation.command';
import { OperationsReader } from './operations.reader';

const ROUTES = INTERNAL.reporting.operations;

@Controller(ROUTES.controller)
export class OperationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly operations: OperationsReader,
  ) {}

  @Post(ROUTES.create.path)
  @HttpCode(201)
  create(
    @Body(checkedBy(validateCreateOperation)) input: CreateOperation,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<Operation> {
    return this.commands.execute(new CreateOperationCommand(input, actor, correlationId));
  }

  @Get(ROUTES.list.path)
  list(): Promise<Operation[]> {
    return this.operations.list();
  }

  @Get(ROUTES.get.path)
  get(@Param('id') id: string): Promise<Operation> {
    return this.operations.get(id);
  }

  @Patch(ROUTES.update.path)
  update(
    @Param('id') id: string,
    @Body(checkedBy(validateUpdateOperation)) input: UpdateOperation,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<Operation> {
    return this.commands.execute(new UpdateOperationCommand(id, input, actor, correlationId));
  }

  @Post(ROUTES.close.path)
  @HttpCode(200)
  close(
    @Param('id') id: string,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<Operation> {
    return this.commands.execute(new CloseOperationCommand(id, actor, correlationId));
  }

  @Post(ROUTES.reopen.path)
  @HttpCode(200)
  reopen(
    @Param('id') id: string,
    @Body(checkedBy(validateReason)) { reason }: ReasonBody,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<Operation> {
    return this.commands.execute(
      new ReopenOperationCommand(id, reason.trim(), actor, correlationId),
    );
  }
}
