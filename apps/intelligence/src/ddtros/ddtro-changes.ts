import { DdtroEventV1 } from '@intensify/contracts';
import { recordChanges, WriteContext } from '@intensify/messaging';
import { DdtroRow } from './ddtro-row';

/**
 * An order's event, its history entry and audit record, in the caller's transaction. A refusal's
 * reason goes in the history (the register's own, erasable), never on the event.
 */
export async function recordDdtroChange(
  ctx: WriteContext,
  kind: { type: string; version: number },
  row: DdtroRow,
  at: Date,
  extra: Partial<DdtroEventV1> = {},
): Promise<void> {
  const payload: DdtroEventV1 = {
    ddtroId: row.id,
    lineId: row.line_id,
    batchId: row.batch_id,
    seq: row.seq,
    status: row.status,
    at: at.toISOString(),
    ...(row.provider_deadline && { providerDeadline: row.provider_deadline.toISOString() }),
    ...withoutReason(extra),
  };
  await ctx.m.query(
    `INSERT INTO intelligence.ddtro_history (ddtro_id, seq, type, at, actor, details) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      row.id,
      row.seq,
      kind.type,
      at,
      JSON.stringify({ sub: ctx.actor.sub, role: ctx.actor.role }),
      JSON.stringify(extra),
    ],
  );
  await recordChanges(ctx, [
    {
      kind,
      aggregateId: row.id,
      payload,
      audit: { details: { lineId: row.line_id, number: row.number } },
    },
  ]);
}

function withoutReason({ reason: _reason, ...structured }: Partial<DdtroEventV1>) {
  return structured;
}
