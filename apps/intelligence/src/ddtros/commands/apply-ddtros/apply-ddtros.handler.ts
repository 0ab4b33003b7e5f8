import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from 'typeorm';
import { FieldError } from '@intensify/contracts';
import { fingerprint, IdempotencyStore } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { ChangeWriter } from '@intensify/messaging';
import { SCHEMA } from '../../../config';
import { mayWriteLine, NumberRow, readLine } from '../../../lines/line-row';
import { applyOrders } from '../../apply-orders';
import { toDdtro } from '../../ddtro-row';
import { ApplyDdtrosCommand, ApplyDdtrosResult } from './apply-ddtros.command';

/** An Idempotency-Key is unique within a line's orders (`ddtro:<lineId>`). */
const keys = new IdempotencyStore(SCHEMA, 'scope');

/**
 * Applies for orders against several numbers of one line at once, all or nothing: every number
 * must be an active number of the line with no order in hand. One `ddtro.applied` per number,
 * sharing a batch id. The same Idempotency-Key and body replays the first answer.
 */
@CommandHandler(ApplyDdtrosCommand)
export class ApplyDdtrosHandler implements ICommandHandler<ApplyDdtrosCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute(cmd: ApplyDdtrosCommand): Promise<ApplyDdtrosResult> {
    const print = fingerprint(cmd.request);
    const { actor, correlationId } = cmd;
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const { m, now } = ctx;
      const line = await readLine(m, cmd.lineId, true);
      if (!mayWriteLine(cmd.actor, line))
        throw new ProblemError(
          'forbidden_scope',
          `Line ${line.id} is outside your scope to apply for orders`,
        );
      const keyScope = `ddtro:${line.id}`;
      const prior = await keys.claim<ApplyDdtrosResult['body']>(
        m,
        keyScope,
        cmd.idempotencyKey,
        print,
      );
      if (prior) return { replayed: true, body: prior };
      const appliedAt = cmd.request.appliedAt ? new Date(cmd.request.appliedAt) : now;
      if (appliedAt > now)
        throw ProblemError.validation([
          { field: 'appliedAt', message: 'must not be in the future' },
        ]);
      const numbers = await this.check(m, line.id, cmd.request.numbers);
      const rows = await applyOrders(ctx, line.id, numbers, appliedAt);
      const body = { batchId: rows[0].batch_id, ddtros: rows.map(toDdtro) };
      await keys.answer(m, keyScope, cmd.idempotencyKey, body);
      return { replayed: false, body };
    });
  }

  private async check(m: EntityManager, lineId: string, numbers: string[]): Promise<NumberRow[]> {
    const own: NumberRow[] = await m.query(
      `SELECT * FROM intelligence.line_numbers WHERE line_id = $1 AND number = ANY($2)`,
      [lineId, numbers],
    );
    const open: { number: string; id: string }[] = await m.query(
      `SELECT number, id FROM intelligence.ddtros WHERE line_id = $1 AND number = ANY($2) AND status <> 'refused'`,
      [lineId, numbers],
    );
    const errors: FieldError[] = [];
    let conflict = false;
    numbers.forEach((n, i) => {
      const row = own.find((o) => o.number === n);
      const order = open.find((o) => o.number === n);
      if (!row) errors.push({ field: `numbers.${i}`, message: 'is not a number of this line' });
      else if (order) {
        conflict = true;
        errors.push({
          field: `numbers.${i}`,
          message: `already has an order in hand: ${order.id}`,
        });
      } else if (row.status !== 'active')
        errors.push({
          field: `numbers.${i}`,
          message: `is ${row.status}; orders are for active numbers`,
        });
    });
    if (errors.length) {
      throw conflict
        ? new ProblemError('conflict', 'A number already has an order in hand', errors)
        : ProblemError.validation(errors);
    }
    return numbers.map((n) => own.find((o) => o.number === n)!);
  }
}
