import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  AddNumberRequest,
  INTERNAL,
  Line,
  LineListQuery,
  LineLookup,
  LineLookupRequest,
  Page,
  RegisterLineRequest,
  UpdateLineRequest,
  validateAddNumber,
  validateLineLookup,
  validateLineListQuery,
  validateRegisterLine,
  validateUpdateLine,
} from '@intensify/contracts';
import { CallingActor, RequestContext } from '@intensify/auth';
import { answerOnce, checkedBy } from '@intensify/problems';
import { AddNumberCommand } from './commands/add-number/add-number.command';
import { RegisterLineCommand } from './commands/register-line/register-line.command';
import { UpdateLineCommand } from './commands/update-line/update-line.command';
import { LineDetail, LinesReader } from './lines.reader';

const ROUTES = INTERNAL.intelligence.lines;

@Controller(ROUTES.controller)
export class LinesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: LinesReader,
  ) {}

  /** 201 when registered; 200 when the same registration is sent again. */
  @Post(ROUTES.register.path)
  async register(
    @Body(checkedBy(validateRegisterLine)) request: RegisterLineRequest,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Line> {
    const { created, line } = await this.commands.execute(
      new RegisterLineCommand(request, actor, correlationId),
    );
    return answerOnce(res, { replayed: !created, body: line }, 201);
  }

  /** Which of these ids are register lines, and whose: one call for a whole request. */
  @Post(ROUTES.lookup.path)
  @HttpCode(200)
  lookup(@Body(checkedBy(validateLineLookup)) request: LineLookupRequest): Promise<LineLookup> {
    return this.reader.lookup(request.ids);
  }

  @Get(ROUTES.list.path)
  list(
    @Query(checkedBy(validateLineListQuery)) query: LineListQuery,
    @CallingActor() actor: Actor,
  ): Promise<Page<Line>> {
    return this.reader.list(query, actor);
  }

  @Get(ROUTES.get.path)
  get(
    @Param('id') id: string,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<LineDetail> {
    return this.reader.get(id, actor, correlationId);
  }

  @Patch(ROUTES.update.path)
  update(
    @Param('id') id: string,
    @Body(checkedBy(validateUpdateLine)) patch: UpdateLineRequest,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<Line> {
    return this.commands.execute(new UpdateLineCommand(id, patch, actor, correlationId));
  }

  @Post(ROUTES.addNumber.path)
  async addNumber(
    @Param('id') id: string,
    @Body(checkedBy(validateAddNumber)) request: AddNumberRequest,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Line> {
    res.status(200);
    return this.commands.execute(new AddNumberCommand(id, request, actor, correlationId));
  }
}
