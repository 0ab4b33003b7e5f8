import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ImportResult } from '@intensify/contracts';
import { Change, ChangeWriter, recordChanges } from '@intensify/messaging';
import { assertMayReportBaseline } from '../../baseline-scope';
import { writeBaseline } from '../../baseline-writes';
import { ImportBaselinesCommand } from './import-baselines.command';

/**
 * A baselines CSV in one transaction: good rows are stored even when others are refused, and
 * uploading the same file again finds every week unchanged (`duplicates`), so nothing moves.
 */
@CommandHandler(ImportBaselinesCommand)
export class ImportBaselinesHandler implements ICommandHandler<ImportBaselinesCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({ rows, actor, correlationId }: ImportBaselinesCommand): Promise<ImportResult> {
    for (const r of rows) assertMayReportBaseline(actor, r.force);
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const summary: ImportResult = { accepted: 0, duplicates: 0, rejected: [] };
      const changes: Change[] = [];
      for (const r of rows) {
        const result = await writeBaseline(ctx.m, r, actor, ctx.now);
        if (result.status === 'invalid')
          summary.rejected.push({ row: r.row, line: r.line, errors: result.errors });
        else if (result.status === 'unchanged') summary.duplicates++;
        else {
          summary.accepted++;
          changes.push(result.change!);
        }
      }
      await recordChanges(ctx, changes);
      return summary;
    });
  }
}
