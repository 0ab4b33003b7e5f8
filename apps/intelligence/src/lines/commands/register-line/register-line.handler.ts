import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { brandKey, RegisterLineRequest } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ChangeWriter, WriteContext } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { deconflict } from '../../../deconfliction/deconfliction';
import { lockRegister } from '../../../register-write';
import { LineRow, numbersOf, toLine } from '../../line-row';
import { changedFields, desiredErrors, numberErrors, saveLine } from '../../line-writer';
import { RegisterLineCommand, RegisterLineResult } from './register-line.command';

/**
 * Registers a line for the force that records it. The brand names the line within that force:
 * the same registration again answers 200 with the line; a different one for a known brand, or
 * a number another of the force's lines holds, is a 409 naming that line. Never a duplicate.
 */
@CommandHandler(RegisterLineCommand)
export class RegisterLineHandler implements ICommandHandler<RegisterLineCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({
    request,
    actor,
    correlationId,
  }: RegisterLineCommand): Promise<RegisterLineResult> {
    const recordedBy = recordingForce(request, actor);
    const problems = desiredErrors(request);
    if (problems.length) throw ProblemError.validation(problems);
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      await lockRegister(ctx.m);
      const { m } = ctx;
      const [existing]: LineRow[] = await m.query(
        `SELECT * FROM intelligence.lines WHERE recorded_by = $1 AND brand_key = $2`,
        [recordedBy, brandKey(request.brand)],
      );
      if (existing) return this.replay(ctx, existing, request);
      const changes = {
        add: request.numbers.map((number) => ({ number, seenAt: ctx.now })),
        replace: [],
      };
      const errors = await numberErrors(ctx, recordedBy, null, changes, {
        add: (i) => `numbers.${i}`,
        replace: (i) => `replaces.${i}`,
      });
      if (errors.length)
        throw new ProblemError(
          'conflict',
          'A number is already on another line of this force',
          errors,
        );
      const saved = await saveLine(ctx, null, recordedBy, request, changes);
      await deconflict(ctx, [saved.row.id]);
      return { created: true, line: toLine(saved.row, await numbersOf(m, [saved.row.id])) };
    });
  }

  /** The same registration again is answered with the line; anything else is a conflict. */
  private async replay(ctx: WriteContext, existing: LineRow, request: RegisterLineRequest) {
    const numbers = await numbersOf(ctx.m, [existing.id]);
    const known = new Set(numbers.map((n) => n.number));
    const differs = changedFields(
      {
        brand: existing.brand,
        exportingForce: existing.exporting_force,
        importingForces: existing.importing_forces,
        status: existing.status,
        closureType: existing.closure_type,
        holderRefs: existing.holder_refs,
        riskFactors: existing.risk_factors,
        lastIntelligenceAt: existing.last_intelligence_at?.toISOString() ?? null,
      },
      request,
    );
    if (differs.length || request.numbers.some((n) => !known.has(n))) {
      throw new ProblemError(
        'conflict',
        `Force ${existing.recorded_by} already records a line branded "${existing.brand}": ${existing.id}; change it with PATCH /api/v1/lines/${existing.id}`,
        [
          {
            field: 'brand',
            message: `is already line ${existing.id} of force ${existing.recorded_by}`,
          },
        ],
      );
    }
    return { created: false, line: toLine(existing, numbers) };
  }
}

/** The force a line is recorded for: a force user's own; others name it (or the exporting force). */
function recordingForce(request: RegisterLineRequest, actor: RegisterLineCommand['actor']): string {
  const force =
    actor.role === 'force'
      ? (request.recordedBy ?? actor.force!)
      : (request.recordedBy ?? request.exportingForce);
  if (!may(actor, 'line.return', { force }))
    throw new ProblemError(
      'forbidden_scope',
      `Role ${actor.role} may not record lines for force ${force}`,
    );
  return force;
}
