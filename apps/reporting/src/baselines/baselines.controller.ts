import { Body, Controller, Get, HttpCode, Param, Put, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Baseline,
  BaselineFigures,
  BaselineList,
  BaselineListQuery,
  ImportBaselinesRequest,
  ImportResult,
  INTERNAL,
} from '@intensify/contracts';
import { RequestContext } from '@intensify/auth';
import { answerOnce } from '@intensify/problems';
import { ImportBaselinesCommand } from './commands/import-baselines/import-baselines.command';
import { ReportBaselineCommand } from './commands/report-baseline/report-baseline.command';
import { BaselinesReader } from './baselines.reader';

const ROUTES = INTERNAL.reporting.baselines;

/** Figures, weeks and forces arrive checked by the gateway; reporting judges the week's overlap. */
@Controller(ROUTES.controller)
export class BaselinesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly baselines: BaselinesReader,
  ) {}

  /** 201 for a force-week's first figures; 200 for a replacement or the same figures again. */
  @Put(ROUTES.report.path)
  async report(
    @Param('force') force: string,
    @Param('isoWeek') isoWeek: string,
    @Body() figures: BaselineFigures,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Baseline> {
    const { baseline, created } = await this.commands.execute(
      new ReportBaselineCommand({ force, isoWeek, figures }, actor, correlationId),
    );
    return answerOnce(res, { replayed: !created, body: baseline }, 201);
  }

  @Get(ROUTES.list.path)
  list(@Param('force') force: string, @Query() q: BaselineListQuery): Promise<BaselineList> {
    return this.baselines.list(force, q.from, q.to);
  }

  @Post(ROUTES.import.path)
  @HttpCode(200)
  import(
    @Body() { rows }: ImportBaselinesRequest,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<ImportResult> {
    return this.commands.execute(new ImportBaselinesCommand(rows, actor, correlationId));
  }
}
