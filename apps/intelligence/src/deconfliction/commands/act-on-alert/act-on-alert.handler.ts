import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from 'typeorm';
import { DeconflictionAlert, DeconflictionStepV1, isUuid } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { fingerprint, IdempotencyStore } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { SCHEMA } from '../../../config';
import { ALERT_STEPS, statusAfter } from '../../alert-steps';
import { ALERT_COLUMNS, AlertRow, toAlerts } from '../../alerts.reader';
import { ActOnAlertCommand, ActOnAlertResult } from './act-on-alert.command';

/** An Idempotency-Key is unique within an alert's steps (`deconfliction:<alertId>`). */
const keys = new IdempotencyStore(SCHEMA, 'scope');

/**
 * Acknowledge, resolve (with a note) or hand to a region, under the alert's row lock: the
 * step's columns, `deconfliction.<step>` (codes and ids only) and its audit record in one
 * transaction. The same key and body replays the first answer.
 */
@CommandHandler(ActOnAlertCommand)
export class ActOnAlertHandler implements ICommandHandler<ActOnAlertCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  execute(cmd: ActOnAlertCommand): Promise<ActOnAlertResult> {
    const { actor, correlationId, action, input } = cmd;
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const { m, now } = ctx;
      const row = await lockAlert(m, cmd.alertId);
      const step = ALERT_STEPS[action];
      if (!may(actor, step.permission, { region: row.handed_region ?? undefined }))
        throw new ProblemError('forbidden_scope', `Alert ${row.id} is not yours to ${action}`);
      const scope = `deconfliction:${row.id}`;
      const print = fingerprint({ action, input });
      const prior = await keys.claim<DeconflictionAlert>(m, scope, cmd.idempotencyKey, print);
      if (prior) return { replayed: true, body: prior };
      const to = statusAfter(row.status, action);
      if (!to)
        throw new ProblemError(
          'illegal_transition',
          `Alert ${row.id} is ${row.status}; it cannot be ${step.past} from there`,
          [{ field: 'status', message: `is ${row.status}` }],
        );
      const by = { sub: actor.sub, role: actor.role, ...whereFrom(actor) };
      const [[after]]: [AlertRow[], number] = await m.query(
        `UPDATE intelligence.deconfliction_alerts AS a SET status = $2, seq = seq + 1, updated_at = $3, ${step.sets}
         WHERE id = $1 RETURNING ${ALERT_COLUMNS}`,
        [row.id, to, now, JSON.stringify(by), ...stepValue(step.sets, input)],
      );
      const payload: DeconflictionStepV1 = {
        alertId: after.id,
        seq: after.seq,
        status: after.status,
        region: after.handed_region,
      };
      // The note stays in the register: neither the event nor the audit record carries it.
      await recordChanges(ctx, [
        {
          kind: step.event,
          aggregateId: after.id,
          payload,
          audit: { details: { status: after.status, region: after.handed_region } },
        },
      ]);
      const [body] = await toAlerts(m, [after], actor, correlationId);
      await keys.answer(m, scope, cmd.idempotencyKey, body);
      return { replayed: false, body };
    });
  }
}

async function lockAlert(m: EntityManager, id: string): Promise<AlertRow> {
  const rows: AlertRow[] = isUuid(id)
    ? await m.query(
        `SELECT ${ALERT_COLUMNS} FROM intelligence.deconfliction_alerts a WHERE a.id = $1 FOR UPDATE`,
        [id],
      )
    : [];
  if (!rows[0]) throw new ProblemError('not_found', `No deconfliction alert with id ${id}`);
  return rows[0];
}

function whereFrom(actor: { region?: string; force?: string }) {
  return {
    ...(actor.region && { region: actor.region }),
    ...(actor.force && { force: actor.force }),
  };
}

/** The step's own value (`$5`: the note or the region), for the steps that set one. */
function stepValue(sets: string, input: { note?: string; region?: string }): string[] {
  return sets.includes('$5') ? [input.note ?? input.region ?? ''] : [];
}
