import { DDTRO_REPLACEMENT_NUMBER, DdtroReplacementNumberV1 } from '@intensify/contracts';
import { LineRow } from '../lines/line-row';
import { recordChanges, WriteContext } from '@intensify/messaging';

/**
 * Dealers move to a new number within hours of an order: a number that appears on a line with
 * an order in hand (applied, granted or actioned) raises an alert so the order can follow it.
 * One alert per line and number, however often the number is reported again.
 */
export async function raiseReplacementAlerts(
  ctx: WriteContext,
  line: LineRow,
  newNumbers: string[],
): Promise<void> {
  const orders: { id: string }[] = await ctx.m.query(
    `SELECT id FROM intelligence.ddtros WHERE line_id = $1 AND status <> 'refused' ORDER BY applied_at, id`,
    [line.id],
  );
  if (orders.length === 0 || newNumbers.length === 0) return;
  const ddtroIds = orders.map((o) => o.id);
  const raised: { id: string; number: string }[] = await ctx.m.query(
    `INSERT INTO intelligence.replacement_alerts (id, line_id, number, ddtro_ids, raised_at)
     SELECT gen_random_uuid(), $1, n, $3, $4 FROM unnest($2::text[]) AS n
     ON CONFLICT (line_id, number) DO NOTHING RETURNING id, number`,
    [line.id, newNumbers, ddtroIds, ctx.now],
  );
  await recordChanges(
    ctx,
    raised.map((a) => ({
      kind: DDTRO_REPLACEMENT_NUMBER,
      aggregateId: line.id,
      payload: { alertId: a.id, lineId: line.id, ddtroIds } satisfies DdtroReplacementNumberV1,
      audit: { details: { number: a.number } },
    })),
  );
}
