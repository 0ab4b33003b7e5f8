import { EntityManager } from 'typeorm';
import { OUTCOME_RECORDED, OutcomeRecordedV1 } from '@intensify/contracts';
import { ConsumedEvent, WriteContext } from '@intensify/messaging';
import { SCHEMA } from '../config';
import { inputOf, LineRow } from '../lines/line-row';
import { merge, saveLine } from '../lines/line-writer';
import { lockRegister } from '../register-write';
import { closes, closureReported } from './line-closure.rule';

/**
 * Closes the register lines that `line` outcomes report closed (Type 1 or Type 2), through the
 * register's own write path: the line, `line.updated` and its audit record, in the consumer's
 * transaction with the offset. The reporter is the actor; the outcome is recorded on the line.
 */
export async function closeReportedLines(
  m: EntityManager,
  events: ConsumedEvent[],
  where: { topic: string; now: () => Date },
): Promise<void> {
  let locked = false;
  for (const { event } of events) {
    if (event.type !== OUTCOME_RECORDED.type) continue;
    const p = event.payload as OutcomeRecordedV1;
    const closure = closureReported(p.current);
    if (!closure) continue;
    if (!locked) await lockRegister(m);
    locked = true;
    const [line]: LineRow[] = await m.query(
      `SELECT * FROM intelligence.lines WHERE id = $1 FOR UPDATE`,
      [closure.lineId],
    );
    // A line the register no longer has (or never had) is left alone: the gateway checked it.
    if (!line || !closes(line)) continue;
    const ctx: WriteContext = {
      m,
      schema: SCHEMA,
      topic: where.topic,
      actor: event.actor,
      correlationId: event.correlationId,
      now: where.now(),
    };
    await m.query(`UPDATE intelligence.lines SET closed_by_outcome = $2 WHERE id = $1`, [
      line.id,
      p.outcomeId,
    ]);
    const desired = merge(inputOf(line), { status: 'closed', closureType: closure.closureType });
    await saveLine(ctx, line, line.recorded_by, desired, { add: [], replace: [] });
  }
}
