import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  INTERNAL,
  Operation,
  validateCreateOperation,
  validateReason,
  validateUpdateOperation,
} from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { Caller, forward } from '../upstream/forward';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { UpstreamClient } from '../upstream/upstream.client';
import { readOperation } from '../upstream/read-operation';

const ROUTES = INTERNAL.reporting.operations;

@Controller('api/v1/operations')
export class OperationsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @CurrentCaller() caller: Caller): Promise<Operation> {
    authorize(caller.p, 'operation.create');
    const input = validateCreateOperation(body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    return forward(this.upstream, ROUTES.create, { ...caller, body: input.value });
  }

  @Get()
  async list(@CurrentPrincipal() p: Principal): Promise<Operation[]> {
    authorize(p, 'operation.read');
    return (await this.upstream.send(ROUTES.list)).body;
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<Operation> {
    authorize(p, 'operation.read');
    return readOperation(this.upstream, id);
  }

  /** Renames or moves a planned week; 409 once it has started or closed. */
  @Patch(':id')
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Operation> {
    authorize(caller.p, 'operation.update');
    const input = validateUpdateOperation(body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    return forward(this.upstream, ROUTES.update, { ...caller, params: { id }, body: input.value });
  }

  /** Makes the week's figures final; later writes get 409 `operation_closed`. */
  @Post(':id/close')
  @HttpCode(200)
  async close(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<Operation> {
    authorize(caller.p, 'operation.close');
    return forward(this.upstream, ROUTES.close, { ...caller, params: { id } });
  }

  /** Reopens a closed week for late corrections, with a reason that is audited. */
  @Post(':id/reopen')
  @HttpCode(200)
  async reopen(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Operation> {
    authorize(caller.p, 'operation.reopen');
    const reason = validateReason(body);
    if (!reason.ok) throw ProblemError.validation(reason.errors);
    return forward(this.upstream, ROUTES.reopen, { ...caller, params: { id }, body: reason.value });
  }
}
