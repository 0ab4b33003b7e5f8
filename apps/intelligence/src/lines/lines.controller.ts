import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  INTERNAL,
  Line,
  LineLookup,
  Page,
  validateAddNumber,
  validateLineLookup,
  validateLineListQuery,
  validateRegisterLine,
  validateUpdateLine,
} from '@intensify/contracts';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { AddNumberCommand } from './commands/add-number/add-number.command';
import { RegisterLineCommand } from './commands/register-line/register-line.command';
import { UpdateLineCommand } from './commands/update-line/update-line.command';
import { LineDetail, LinesReader } from './lines.reader';

@Controller(INTERNAL.intelligence.lines.controller)
export class LinesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: LinesReader,
  ) {}

  /** 201 when registered; 200 when the same registration is sent again. */
  @Post(INTERNAL.intelligence.lines.register.path)
  async register(
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Line> {
    const request = validateRegisterLine(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    const result = await this.commands.execute(
      new RegisterLineCommand(request.value, actor, correlationId),
    );
    res.status(result.created ? 201 : 200);
    return result.line;
  }

  /** Which of these ids are register lines, and whose: one call for a whole request. */
  @Post(INTERNAL.intelligence.lines.lookup.path)
  @HttpCode(200)
  lookup(@Body() body: unknown): Promise<LineLookup> {
    const request = validateLineLookup(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    return this.reader.lookup(request.value.ids);
  }

  @Get(INTERNAL.intelligence.lines.list.path)
  list(@Query() query: Record<string, unknown>, @CallingActor() actor: Actor): Promise<Page<Line>> {
    const q = validateLineListQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return this.reader.list(q.value, actor);
  }

  @Get(INTERNAL.intelligence.lines.get.path)
  get(
    @Param('id') id: string,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<LineDetail> {
    return this.reader.get(id, actor, correlationId);
  }

  @Patch(INTERNAL.intelligence.lines.update.path)
  update(
    @Param('id') id: string,
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<Line> {
    const patch = validateUpdateLine(body);
    if (!patch.ok) throw ProblemError.validation(patch.errors);
    return this.commands.execute(new UpdateLineCommand(id, patch.value, actor, correlationId));
  }

  @Post(INTERNAL.intelligence.lines.addNumber.path)
  async addNumber(
    @Param('id') id: string,
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Line> {
    const request = validateAddNumber(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    res.status(200);
    return this.commands.execute(new AddNumberCommand(id, request.value, actor, correlationId));
  }
}
