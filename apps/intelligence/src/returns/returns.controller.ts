import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor, INTERNAL, LineReturnReport, RETURN_MONTH_PATTERN } from '@intensify/contracts';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { FORCE_CODES } from '@intensify/reference-data';
import { ProblemError } from '@intensify/problems';
import { ImportLineReturnCommand } from './commands/import-line-return/import-line-return.command';

@Controller(INTERNAL.intelligence.returns.controller)
export class ReturnsController {
  constructor(private readonly commands: CommandBus) {}

  /** The gateway sends the CSV text as `{ csv }`. */
  @Post(INTERNAL.intelligence.returns.upload.path)
  @HttpCode(200)
  upload(
    @Param('force') force: string,
    @Param('month') month: string,
    @Body() body: { csv?: unknown },
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<LineReturnReport> {
    const errors = [];
    if (!FORCE_CODES.includes(force))
      errors.push({ field: 'force', message: 'must be a known force code' });
    if (!RETURN_MONTH_PATTERN.test(month))
      errors.push({ field: 'month', message: 'must be yyyy-mm' });
    if (typeof body?.csv !== 'string')
      errors.push({ field: 'body', message: 'must be the CSV text' });
    if (errors.length) throw ProblemError.validation(errors);
    return this.commands.execute(
      new ImportLineReturnCommand(force, month, body.csv as string, actor, correlationId),
    );
  }
}
