import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { brandKey, Line } from '@intensify/contracts';
import { TOPICS, TopicNames } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { Clock, CLOCK } from '../../../clock';
import { deconflict } from '../../../deconfliction/deconfliction';
import { SCHEMA } from '../../../config';
import { writeToRegister } from '../../../register-write';
import { inputOf, mayWriteLine, numbersOf, readLine, toLine } from '../../line-row';
import { desiredErrors, merge, saveLine } from '../../line-writer';
import { UpdateLineCommand } from './update-line.command';

/** Changes the fields given; the rest stay. A change that changes nothing writes nothing. */
@CommandHandler(UpdateLineCommand)
export class UpdateLineHandler implements ICommandHandler<UpdateLineCommand, Line> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ lineId, patch, actor, correlationId }: UpdateLineCommand): Promise<Line> {
    const scope = { schema: SCHEMA, topic: this.topics.intelligence, actor, correlationId };
    return writeToRegister(this.db, { ...scope, now: () => this.clock.now() }, async (ctx) => {
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
