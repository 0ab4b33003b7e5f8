import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Line } from '@intensify/contracts';
import { TOPICS, TopicNames } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { Clock, CLOCK } from '../../../clock';
import { deconflict } from '../../../deconfliction/deconfliction';
import { SCHEMA } from '../../../config';
import { writeToRegister } from '../../../register-write';
import { inputOf, mayWriteLine, numbersOf, readLine, toLine } from '../../line-row';
import { numberErrors, saveLine } from '../../line-writer';
import { AddNumberCommand } from './add-number.command';

/**
 * A number seen on a line, optionally replacing one it used before. Under a DDTRO the new
 * number raises a replacement alert; the same number again changes nothing.
 */
@CommandHandler(AddNumberCommand)
export class AddNumberHandler implements ICommandHandler<AddNumberCommand, Line> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ lineId, request, actor, correlationId }: AddNumberCommand): Promise<Line> {
    const scope = { schema: SCHEMA, topic: this.topics.intelligence, actor, correlationId };
    return writeToRegister(this.db, { ...scope, now: () => this.clock.now() }, async (ctx) => {
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
