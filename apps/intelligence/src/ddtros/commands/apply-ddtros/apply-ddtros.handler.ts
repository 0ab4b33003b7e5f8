import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DDTRO_APPLIED, FieldError } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { Clock, CLOCK } from '../../../clock';
import { mayWriteLine, NumberRow, readLine } from '../../../lines/line-row';
import { INTELLIGENCE_TOPIC } from '../../../outbox/topics.provider';
import { WriteContext } from '../../../write-context';
import { recordDdtroChange } from '../../ddtro-changes';
import { DdtroRow, toDdtro } from '../../ddtro-row';
import { ApplyDdtrosCommand, ApplyDdtrosResult } from './apply-ddtros.command';

/**
 * Applies for orders against several numbers of one line at once, all or nothing: every number
 * must be an active number of the line with no order in hand. One `ddtro.applied` per number,
 * sharing a batch id. The same Idempotency-Key and body replays the first answer.
 */
@CommandHandler(ApplyDdtrosCommand)
export class ApplyDdtrosHandler implements ICommandHandler<ApplyDdtrosCommand, ApplyDdtrosResult> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(INTELLIGENCE_TOPIC) private readonly topic: string,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cmd: ApplyDdtrosCommand): Promise<ApplyDdtrosResult> {
    const print = createHash('sha256').update(JSON.stringify(cmd.request)).digest('base64url');
    return this.db.transaction(async (m) => {
      const line = await readLine(m, cmd.lineId, true);
      if (!mayWriteLine(cmd.actor, line))
        throw new ProblemError(
          'forbidden_scope',
          `Line ${line.id} is outside your scope to apply for orders`,
        );
      const prior = await claimKey(m, `ddtro:${line.id}`, cmd.idempotencyKey, print);
      if (prior) {
        if (prior.fingerprint !== print)
          throw new ProblemError(
            'idempotency_conflict',
            'This Idempotency-Key was already used with a different request',
            [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
          );
        return { replayed: true, body: prior.response };
      }
      const now = this.clock.now();
      const appliedAt = cmd.request.appliedAt ? new Date(cmd.request.appliedAt) : now;
      if (appliedAt > now)
        throw ProblemError.validation([
          { field: 'appliedAt', message: 'must not be in the future' },
        ]);
      const numbers = await this.check(m, line.id, cmd.request.numbers);
      const batchId = randomUUID();
      const rows: DdtroRow[] = await m.query(
        `INSERT INTO intelligence.ddtros (id, line_id, number, batch_id, status, number_first_seen_at, applied_at, applied_by)
         SELECT gen_random_uuid(), $1, n, $2, 'applied', f, $4, $5
         FROM unnest($3::text[], $6::timestamptz[]) WITH ORDINALITY AS x(n, f, i) ORDER BY i
         RETURNING *`,
        [
          line.id,
          batchId,
          numbers.map((n) => n.number),
          appliedAt,
          JSON.stringify(cmd.actor),
          numbers.map((n) => n.first_seen_at),
        ],
      );
      const ctx: WriteContext = {
        m,
        topic: this.topic,
        actor: cmd.actor,
        correlationId: cmd.correlationId,
        now,
      };
      for (const row of rows) await recordDdtroChange(ctx, DDTRO_APPLIED, row, appliedAt);
      const body = { batchId, ddtros: rows.map(toDdtro) };
      await m.query(
        `UPDATE intelligence.idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2`,
        [`ddtro:${line.id}`, cmd.idempotencyKey, JSON.stringify(body)],
      );
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

async function claimKey(m: EntityManager, scope: string, key: string, print: string) {
  const won = await m.query(
    `INSERT INTO intelligence.idempotency_keys (scope, key, fingerprint, response) VALUES ($1, $2, $3, '{}')
     ON CONFLICT DO NOTHING RETURNING key`,
    [scope, key, print],
  );
  if (won.length) return null;
  const rows = await m.query(
    `SELECT fingerprint, response FROM intelligence.idempotency_keys WHERE scope = $1 AND key = $2`,
    [scope, key],
  );
  return rows[0] as { fingerprint: string; response: ApplyDdtrosResult['body'] };
}
