import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Line } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { ChangeWriter } from '@intensify/messaging';
import { deconflict } from '../../../deconfliction/deconfliction';
import { lockRegister } from '../../../register-write';
import { inputOf, mayWriteLine, numbersOf, readLine, toLine } from '../../line-row';
import { numberErrors, saveLine } from '../../line-writer';
import { AddNumberCommand } from './add-number.command';

/**
 * A number seen on a line, optionally replacing one it used before. Under a DDTRO the new
 * number raises a replacement alert; the same number again changes nothing.
 */
@CommandHandler(AddNumberCommand)
export class AddNumberHandler implements ICommandHandler<AddNumberCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({ lineId, request, actor, correlationId }: AddNumberCommand): Promise<Line> {
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      await lockRegister(ctx.m);
      const { m, now } = ctx;
      const row = await readLine(m, lineId, true);
      if (!mayWriteLine(actor, row))
        throw new ProblemError('forbidden_scope', `Line ${lineId} is outside your scope to change`);
      const seenAt = request.seenAt ? new Date(request.seenAt) : now;
      if (seenAt > now)
        throw ProblemError.validation([{ field: 'seenAt', message: 'must not be in the future' }]);
      const changes = {
        add: [{ number: request.number, seenAt }],
        replace: request.replaces ? [{ old: request.replaces, by: request.number }] : [],
      };
      const errors = await numberErrors(ctx, row.recorded_by, row.id, changes, {
        add: () => 'number',
        replace: () => 'replaces',
      });
      if (errors.length) {
        const conflict = errors.some((e) => e.field === 'number');
        throw conflict
          ? new ProblemError('conflict', 'The number is on another line of this force', errors)
          : ProblemError.validation(errors);
      }
      const saved = await saveLine(ctx, row, row.recorded_by, inputOf(row), changes);
      if (saved.change !== 'unchanged') await deconflict(ctx, [row.id]);
      return toLine(saved.row, await numbersOf(m, [row.id]));
    });
  }
}
