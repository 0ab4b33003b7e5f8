import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  DDTRO_GRANTED,
  DDTRO_PROVIDER_ACTIONED,
  DDTRO_REFUSED_V2,
  Ddtro,
  DdtroDecision,
  DdtroStatus,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { ChangeWriter } from '@intensify/messaging';
import { INTELLIGENCE_ENV, IntelligenceEnv } from '../../../config';
import { LineRow, mayWriteLine, readLine } from '../../../lines/line-row';
import { history, recordLineChange } from '../../../lines/line-writer';
import { lockRegister } from '../../../register-write';
import { recordDdtroChange } from '../../ddtro-changes';
import { DdtroRow, lockDdtro, toDdtro } from '../../ddtro-row';
import { providerDeadline } from '../../working-days';
import { DecideDdtroCommand } from './decide-ddtro.command';

/** Which status each decision needs and leads to. */
const TABLE: Record<
  DdtroDecision,
  { from: DdtroStatus; to: DdtroStatus; event: { type: string; version: number } }
> = {
  grant: { from: 'applied', to: 'granted', event: DDTRO_GRANTED },
  actioned: { from: 'granted', to: 'provider-actioned', event: DDTRO_PROVIDER_ACTIONED },
  refuse: { from: 'applied', to: 'refused', event: DDTRO_REFUSED_V2 },
};

/**
 * The court grants or refuses; the provider cuts the number off. A grant starts the provider's
 * 5-working-day deadline (scheduled from the `ddtro.granted` event); provider action marks the
 * number cut off on the line.
 */
@CommandHandler(DecideDdtroCommand)
export class DecideDdtroHandler implements ICommandHandler<DecideDdtroCommand> {
  constructor(
    private readonly writer: ChangeWriter,
    @Inject(INTELLIGENCE_ENV) private readonly env: IntelligenceEnv,
  ) {}

  async execute({
    ddtroId,
    decision,
    input,
    actor,
    correlationId,
  }: DecideDdtroCommand): Promise<Ddtro> {
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      await lockRegister(ctx.m);
      const { m, now } = ctx;
      const row = await lockDdtro(m, ddtroId);
      const line = await readLine(m, row.line_id, true);
      if (!mayWriteLine(actor, line))
        throw new ProblemError('forbidden_scope', `DDTRO ${ddtroId} is outside your scope`);
      const step = TABLE[decision];
      if (row.status !== step.from)
        throw new ProblemError(
          'illegal_transition',
          `DDTRO ${ddtroId} is ${row.status}; it cannot be ${decision}ed from there`,
          [{ field: 'status', message: `is ${row.status}` }],
        );
      const at = input.at ? new Date(input.at) : now;
      const previousAt = row.granted_at ?? row.applied_at;
      if (at > now || at < previousAt)
        throw ProblemError.validation([
          { field: 'at', message: `must lie between ${previousAt.toISOString()} and now` },
        ]);
      const deadline =
        decision === 'grant'
          ? providerDeadline(at, this.env.INTELLIGENCE_DAY_MS)
          : row.provider_deadline;
      const [[after]]: [DdtroRow[], number] = await m.query(
        `UPDATE intelligence.ddtros SET status = $2, seq = seq + 1, provider_deadline = $3,
           granted_at = CASE WHEN $2 = 'granted' THEN $4 ELSE granted_at END,
           actioned_at = CASE WHEN $2 = 'provider-actioned' THEN $4 ELSE actioned_at END,
           refused_at = CASE WHEN $2 = 'refused' THEN $4 ELSE refused_at END,
           refusal_reason = $5
         WHERE id = $1 RETURNING *`,
        [row.id, step.to, deadline, at, input.reason ?? null],
      );
      await recordDdtroChange(
        ctx,
        step.event,
        after,
        at,
        input.reason ? { reason: input.reason } : {},
      );
      if (decision === 'actioned') {
        const [cut]: [unknown[], number] = await m.query(
          `UPDATE intelligence.line_numbers SET status = 'cut-off', cut_off_at = $3 WHERE line_id = $1 AND number = $2 AND status <> 'cut-off' RETURNING number`,
          [line.id, row.number, at],
        );
        if (cut.length) {
          await history(ctx, line.id, [
            { number: row.number, event: 'cut-off', at, details: { ddtroId: row.id } },
          ]);
          const [[bumped]]: [LineRow[], number] = await m.query(
            `UPDATE intelligence.lines SET seq = seq + 1, updated_at = $2 WHERE id = $1 RETURNING *`,
            [line.id, now],
          );
          await recordLineChange(ctx, bumped, line, ['numbers']);
        }
      }
      return toDdtro(after);
    });
  }
}
