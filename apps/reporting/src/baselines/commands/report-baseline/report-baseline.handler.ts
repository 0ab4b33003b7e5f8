import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Baseline } from '@intensify/contracts';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { assertMayReportBaseline } from '../../baseline-scope';
import { writeBaseline } from '../../baseline-writes';
import { ReportBaselineCommand } from './report-baseline.command';

@CommandHandler(ReportBaselineCommand)
export class ReportBaselineHandler implements ICommandHandler<ReportBaselineCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({
    input,
    actor,
    correlationId,
  }: ReportBaselineCommand): Promise<{ baseline: Baseline; created: boolean }> {
    assertMayReportBaseline(actor, input.force);
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const result = await writeBaseline(ctx.m, input, actor, ctx.now);
      if (result.status === 'invalid')
        throw new ProblemError(
          'conflict',
          'The week overlaps an intensification week',
          result.errors,
        );
      if (result.change) await recordChanges(ctx, [result.change]);
      return { baseline: result.baseline, created: result.status === 'created' };
    });
  }
}
