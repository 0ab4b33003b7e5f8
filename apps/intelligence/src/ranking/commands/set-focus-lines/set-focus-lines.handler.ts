import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FocusLines } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ChangeWriter } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { LineRow } from '../../../lines/line-row';
import { publishWeekFocus } from '../../week-focus';
import { SetFocusLinesCommand } from './set-focus-lines.command';

/**
 * The NCLCC picks a week's focus lines; its focus forces follow: every force those lines
 * export from or import into, then the week's standing overrides. `operation.focus-lines-set`
 * carries both (and where each line ran when picked), so reporting updates the week's
 * `focusForces` and the focus map follows. Setting the same lines again changes nothing.
 */
@CommandHandler(SetFocusLinesCommand)
export class SetFocusLinesHandler implements ICommandHandler<SetFocusLinesCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({
    operationId,
    lineIds,
    actor,
    correlationId,
  }: SetFocusLinesCommand): Promise<FocusLines> {
    if (!may(actor, 'focus.set'))
      throw new ProblemError('forbidden_scope', 'Only the NCLCC picks focus lines');
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const { m } = ctx;
      const lines: LineRow[] = await m.query(
        `SELECT * FROM intelligence.lines WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [lineIds],
      );
      const missing = lineIds
        .map((id, i) => [id, i] as const)
        .filter(([id]) => !lines.some((l) => l.id === id));
      if (missing.length)
        throw ProblemError.validation(
          missing.map(([, i]) => ({
            field: `lineIds.${i}`,
            message: 'is not a line in the register',
          })),
        );
      const closed = lineIds
        .map((id, i) => [lines.find((l) => l.id === id)!, i] as const)
        .filter(([l]) => l.status === 'closed');
      if (closed.length)
        throw ProblemError.validation(
          closed.map(([, i]) => ({ field: `lineIds.${i}`, message: 'is a closed line' })),
        );
      const lineForces = [
        ...new Set(lines.flatMap((l) => [l.exporting_force, ...l.importing_forces])),
      ].sort();
      const focus = {
        lineIds,
        lineForces,
        lines: lines.map((l) => ({
          lineId: l.id,
          exportingForce: l.exporting_force,
          importingForces: l.importing_forces,
        })),
      };
      return publishWeekFocus(
        ctx,
        operationId,
        focus,
        { operationId, details: { lineIds } },
        false,
      );
    });
  }
}
