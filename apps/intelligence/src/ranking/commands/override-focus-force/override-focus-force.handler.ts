import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FocusLines } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ChangeWriter } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { lockWeekFocus, publishWeekFocus, standingOverrides } from '../../week-focus';
import { OverrideFocusForceCommand } from './override-focus-force.command';

/**
 * The NCLCC makes a force a focus force, or not, whatever the focus lines say, with a reason.
 * Every override is kept with who, when and why; the week's focus is republished with the
 * reason's code only. The force's standing override given again changes nothing.
 */
@CommandHandler(OverrideFocusForceCommand)
export class OverrideFocusForceHandler implements ICommandHandler<OverrideFocusForceCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({
    operationId,
    force,
    request,
    actor,
    correlationId,
  }: OverrideFocusForceCommand): Promise<FocusLines> {
    if (!may(actor, 'focus.set'))
      throw new ProblemError('forbidden_scope', 'Only the NCLCC overrides focus forces');
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const { m, now } = ctx;
      const known = await lockWeekFocus(m, operationId);
      const focus = {
        lineIds: known?.line_ids ?? [],
        lineForces: known?.line_forces ?? [],
        lines: known?.lines ?? [],
      };
      const standing = (await standingOverrides(m, operationId)).find((o) => o.force === force);
      const changed = standing?.focus !== request.focus;
      if (changed)
        await m.query(
          `INSERT INTO intelligence.focus_force_overrides
             (operation_id, force, focus, reason_code, reason, set_by, set_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            operationId,
            force,
            request.focus,
            request.reasonCode,
            request.reason,
            JSON.stringify(actor),
            now,
          ],
        );
      const { reasonCode, reason } = request;
      return publishWeekFocus(
        ctx,
        operationId,
        focus,
        {
          action: 'operation.focus-force-overridden',
          operationId,
          details: { force, focus: request.focus, reasonCode, reason },
        },
        changed,
      );
    });
  }
}
