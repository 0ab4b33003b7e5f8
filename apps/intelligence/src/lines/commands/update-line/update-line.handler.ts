import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { brandKey, Line } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { ChangeWriter } from '@intensify/messaging';
import { deconflict } from '../../../deconfliction/deconfliction';
import { lockRegister } from '../../../register-write';
import { inputOf, mayWriteLine, numbersOf, readLine, toLine } from '../../line-row';
import { desiredErrors, merge, saveLine } from '../../line-writer';
import { UpdateLineCommand } from './update-line.command';

/** Changes the fields given; the rest stay. A change that changes nothing writes nothing. */
@CommandHandler(UpdateLineCommand)
export class UpdateLineHandler implements ICommandHandler<UpdateLineCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({ lineId, patch, actor, correlationId }: UpdateLineCommand): Promise<Line> {
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      await lockRegister(ctx.m);
      const { m } = ctx;
      const row = await readLine(m, lineId, true);
      if (!mayWriteLine(actor, row))
        throw new ProblemError('forbidden_scope', `Line ${lineId} is outside your scope to change`);
      const desired = merge(inputOf(row), patch);
      const errors = desiredErrors(desired);
      if (errors.length) throw ProblemError.validation(errors);
      if (patch.brand && brandKey(patch.brand) !== row.brand_key) {
        const [clash] = await m.query(
          `SELECT id FROM intelligence.lines WHERE recorded_by = $1 AND brand_key = $2`,
          [row.recorded_by, brandKey(patch.brand)],
        );
        if (clash)
          throw new ProblemError(
            'conflict',
            `Force ${row.recorded_by} already has a line branded "${patch.brand}"`,
            [{ field: 'brand', message: `is already line ${clash.id}` }],
          );
      }
      const saved = await saveLine(ctx, row, row.recorded_by, desired, { add: [], replace: [] });
      if (saved.change !== 'unchanged') await deconflict(ctx, [row.id]);
      return toLine(saved.row, await numbersOf(m, [row.id]));
    });
  }
}
