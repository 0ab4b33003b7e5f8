import { randomUUID } from 'node:crypto';
import { DDTRO_APPLIED } from '@intensify/contracts';
import { WriteContext } from '@intensify/messaging';
import { NumberRow } from '../lines/line-row';
import { recordDdtroChange } from './ddtro-changes';
import { DdtroRow } from './ddtro-row';

/**
 * Orders applied for together on numbers of one line, sharing a new batch id: the rows, one
 * `ddtro.applied` each, their history and audit, in the caller's transaction. The caller has
 * checked that every number is active with no order in hand.
 */
export async function applyOrders(
  ctx: WriteContext,
  lineId: string,
  numbers: Pick<NumberRow, 'number' | 'first_seen_at'>[],
  appliedAt: Date,
): Promise<DdtroRow[]> {
  const rows: DdtroRow[] = await ctx.m.query(
    `INSERT INTO intelligence.ddtros (id, line_id, number, batch_id, status, number_first_seen_at, applied_at, applied_by)
     SELECT gen_random_uuid(), $1, n, $2, 'applied', f, $4, $5
     FROM unnest($3::text[], $6::timestamptz[]) WITH ORDINALITY AS x(n, f, i) ORDER BY i
     RETURNING *`,
    [
      lineId,
      randomUUID(),
      numbers.map((n) => n.number),
      appliedAt,
      JSON.stringify(ctx.actor),
      numbers.map((n) => n.first_seen_at),
    ],
  );
  for (const row of rows) await recordDdtroChange(ctx, DDTRO_APPLIED, row, appliedAt);
  return rows;
}
