import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { acknowledgeBy, HANDOFF_RAISED, RaiseHandoffRequest } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ChangeWriter, WriteContext } from '@intensify/messaging';
import { fingerprint, IdempotencyStore } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { SAFEGUARDING_ENV, SafeguardingEnv, SCHEMA } from '../../../config';
import { recordHandoffChange } from '../../handoff-changes';
import { loadHandoff } from '../../handoff-loader';
import { HandoffRow } from '../../handoff-row';
import { RaiseHandoffCommand, RaiseHandoffResult } from './raise-handoff.command';

/** Keys of raises share one scope: a key names one request to raise, whoever sends it. */
export const RAISE_SCOPE = 'raise';
const keys = new IdempotencyStore(SCHEMA, 'scope');

/**
 * Raises a hand-off for the found force: the row, its `handoff.raised` event (which schedules
 * the deadline), its history, audit and the idempotency key commit together.
 */
@CommandHandler(RaiseHandoffCommand)
export class RaiseHandoffHandler implements ICommandHandler<
  RaiseHandoffCommand,
  RaiseHandoffResult
> {
  constructor(
    private readonly writer: ChangeWriter,
    @Inject(SAFEGUARDING_ENV) private readonly env: SafeguardingEnv,
  ) {}

  async execute(cmd: RaiseHandoffCommand): Promise<RaiseHandoffResult> {
    const { request, actor, correlationId } = cmd;
    if (!may(actor, 'handoff.raise', { force: request.foundForce }))
      throw new ProblemError(
        'forbidden_scope',
        `Role ${actor.role} may not raise hand-offs for force ${request.foundForce}`,
      );
    const now = this.writer.now();
    if (Date.parse(request.foundAt) > now.getTime())
      throw ProblemError.validation([{ field: 'foundAt', message: 'must not be in the future' }]);
    const print = fingerprint(request);
    return this.writer.inTransaction({ actor, correlationId, now }, async (ctx) => {
      const prior = await keys.claim<RaiseHandoffResult['body']>(
        ctx.m,
        RAISE_SCOPE,
        cmd.idempotencyKey,
        print,
      );
      if (prior) return { replayed: true, body: prior };
      const row = await this.insert(ctx, request);
      await recordHandoffChange(ctx, {
        kind: HANDOFF_RAISED,
        action: 'raise',
        handoff: row,
        previous: null,
        eventFields: { concerns: row.concerns, foundAt: row.found_at.toISOString() },
        details: {
          foundForce: row.found_force,
          homeForce: row.home_force,
          acknowledgeBy: row.acknowledge_by.toISOString(),
        },
      });
      const body = await loadHandoff(ctx.m, row);
      await keys.answer(ctx.m, RAISE_SCOPE, cmd.idempotencyKey, body);
      return { replayed: false, body };
    });
  }

  private async insert(
    { m, now, actor }: WriteContext,
    r: RaiseHandoffRequest,
  ): Promise<HandoffRow> {
    const deadline = acknowledgeBy(new Date(r.foundAt), r.ageGroup, this.env.HANDOFF_HOUR_MS);
    const [row]: HandoffRow[] = await m.query(
      `INSERT INTO safeguarding.handoffs (id, operation_id, status, found_force, home_force,
         subject_ref, age_group, concerns, found_at, acknowledge_by, safeguarding_outcome_id,
         note, raised_by, raised_at, updated_at)
       VALUES ($1, $2, 'raised', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $13)
       RETURNING *`,
      [
        randomUUID(),
        r.operationId ?? null,
        r.foundForce,
        r.homeForce,
        r.subjectRef,
        r.ageGroup,
        r.concerns,
        r.foundAt,
        deadline,
        r.safeguardingOutcomeId ?? null,
        r.note ?? null,
        JSON.stringify(actor),
        now,
      ],
    );
    return row;
  }
}
