import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FocusLines, FocusLinesSetV1, OPERATION_FOCUS_LINES_SET } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { LineRow } from '../../../lines/line-row';
import { SetFocusLinesCommand } from './set-focus-lines.command';

/**
 * The NCLCC picks a week's focus lines; its focus forces follow: every force those lines
 * export from or import into. `operation.focus-lines-set` carries both (and where each line
 * ran when picked), so reporting updates the week's `focusForces` and the focus map follows.
 * Setting the same lines again changes nothing.
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
      const { m, now } = ctx;
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
      const focusForces = [
        ...new Set(lines.flatMap((l) => [l.exporting_force, ...l.importing_forces])),
      ].sort();
      const [known] = await m.query(
        `SELECT line_ids::text[] AS line_ids, focus_forces, seq, set_at FROM intelligence.operation_focus WHERE operation_id = $1 FOR UPDATE`,
        [operationId],
      );
      if (known && same(known.line_ids, lineIds) && same(known.focus_forces, focusForces))
        return { operationId, lineIds, focusForces, setAt: known.set_at.toISOString() };
      const seq = (known?.seq ?? 0) + 1;
      await m.query(
        `INSERT INTO intelligence.operation_focus (operation_id, line_ids, focus_forces, seq, set_by, set_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (operation_id) DO UPDATE SET line_ids = $2, focus_forces = $3, seq = $4, set_by = $5, set_at = $6`,
        [operationId, lineIds, focusForces, seq, JSON.stringify(actor), now],
      );
      const payload: FocusLinesSetV1 = {
        operationId,
        seq,
        lineIds,
        focusForces,
        lines: lines.map((l) => ({
          lineId: l.id,
          exportingForce: l.exporting_force,
          importingForces: l.importing_forces,
        })),
      };
      await recordChanges(ctx, [
        {
          kind: OPERATION_FOCUS_LINES_SET,
          aggregateId: operationId,
          payload,
          audit: { operationId, details: { lineIds, focusForces } },
        },
      ]);
      return { operationId, lineIds, focusForces, setAt: now.toISOString() };
    });
  }
}

function same(a: string[], b: string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}
