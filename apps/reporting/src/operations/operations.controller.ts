import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  Actor,
  checkSchema,
  INTERNAL,
  Operation,
  REASON_SCHEMA,
  validateCreateOperation,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { CloseOperationCommand } from './commands/close-operation/close-operation.command';
import { CreateOperationCommand } from './commands/create-operation/create-operation.command';
import { ReopenOperationCommand } from './commands/reopen-operation/reopen-operation.command';
import { OperationsReader } from './operations.reader';

@Controller(INTERNAL.reporting.operations.controller)
export class OperationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly operations: OperationsReader,
  ) {}

  @Post(INTERNAL.reporting.operations.create.path)
  @HttpCode(201)
  create(
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<Operation> {
    const input = validateCreateOperation(body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    return this.commands.execute(new CreateOperationCommand(input.value, actor, correlationId));
  }

  @Get(INTERNAL.reporting.operations.list.path)
  list(): Promise<Operation[]> {
    return this.operations.list();
  }

  @Get(INTERNAL.reporting.operations.get.path)
  get(@Param('id') id: string): Promise<Operation> {
    return this.operations.get(id);
  }

  @Post(INTERNAL.reporting.operations.close.path)
  @HttpCode(200)
  close(
    @Param('id') id: string,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<Operation> {
    return this.commands.execute(new CloseOperationCommand(id, actor, correlationId));
  }

  @Post(INTERNAL.reporting.operations.reopen.path)
  @HttpCode(200)
  reopen(
    @Param('id') id: string,
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<Operation> {
    const errors = checkSchema(REASON_SCHEMA, body);
    if (errors.length) throw ProblemError.validation(errors);
    return this.commands.execute(
      new ReopenOperationCommand(
        id,
        (body as { reason: string }).reason.trim(),
        actor,
        correlationId,
      ),
    );
  }
}
