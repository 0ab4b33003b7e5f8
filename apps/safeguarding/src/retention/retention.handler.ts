import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, HANDOFF_SUBJECT_ERASED } from '@intensify/contracts';
import { ChangeWriter, WriteContext } from '@intensify/messaging';
import { SAFEGUARDING_ENV, SafeguardingEnv } from '../config';
import { actionScope } from '../handoffs/commands/act-on-handoff/act-on-handoff.handler';
import { RAISE_SCOPE } from '../handoffs/commands/raise-handoff/raise-handoff.handler';
import { recordHandoffChange } from '../handoffs/handoff-changes';
import {
  HandoffRow,
  HistoryRow,
  lockHandoff,
  positionOf,
  updateHandoff,
} from '../handoffs/handoff-row';
import { RETENTION_BATCH, RetentionRun } from './retention-jobs';
import { dueForErasure, erasedDetails, retentionCutoff } from './retention.rule';

/** The erasure is the retention policy's doing, as the audit log records it. */
const RETENTION: Actor = { sub: 'retention', role: 'nclcc' };

/**
 * Erases the subject reference, owner and free text of hand-offs closed longer ago than the
 * retention period; counts and structured fields stay. Each erasure is audited and published
 * (without a person) in the transaction that makes it; a run repeated or overlapping finds the
 * work done under the row lock and changes nothing.
 */
@Injectable()
export class RetentionHandler {
  constructor(
    private readonly writer: ChangeWriter,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SAFEGUARDING_ENV) private readonly env: SafeguardingEnv,
  ) {}

  async run(): Promise<RetentionRun> {
    const days = this.env.HANDOFF_RETENTION_DAYS;
    let erased = 0;
    for (;;) {
      const now = this.writer.now();
      const due: { id: string }[] = await this.db.query(
        `SELECT id FROM safeguarding.handoffs
         WHERE closed_at IS NOT NULL AND subject_erased_at IS NULL AND closed_at < $1
         ORDER BY closed_at LIMIT $2`,
        [retentionCutoff(now, days), RETENTION_BATCH],
      );
      if (due.length === 0) return { erased };
      const request = { actor: RETENTION, correlationId: randomUUID() };
      erased += await this.writer.inTransaction(request, async (ctx) => {
        let n = 0;
        for (const { id } of due) if (await this.erase(ctx, id, days)) n++;
        return n;
      });
      if (due.length < RETENTION_BATCH) return { erased };
    }
  }

  private async erase(ctx: WriteContext, id: string, days: number): Promise<boolean> {
    const { m, now } = ctx;
    const row = await lockHandoff(m, id);
    const state = { closedAt: row.closed_at, subjectErasedAt: row.subject_erased_at };
    if (!dueForErasure(state, now, days)) return false;
    await this.eraseHistory(ctx, row);
    // Replays of its requests must not give the subject back: they now meet a conflict.
    await m.query(
      `UPDATE safeguarding.idempotency_keys SET fingerprint = 'erased', response = '{}'
       WHERE scope = $1 OR (scope = $2 AND response->>'id' = $3)`,
      [actionScope(row.id), RAISE_SCOPE, row.id],
    );
    const after = await updateHandoff(
      m,
      `UPDATE safeguarding.handoffs SET subject_ref = NULL, owner = NULL, note = NULL,
         subject_erased_at = $2, seq = seq + 1, updated_at = $2
       WHERE id = $1 RETURNING *`,
      [row.id, now],
    );
    const period = { retentionDays: days, closedAt: row.closed_at!.toISOString() };
    await recordHandoffChange(ctx, {
      kind: HANDOFF_SUBJECT_ERASED,
      action: 'erase-subject',
      handoff: after,
      previous: positionOf(row),
      details: period,
    });
    return true;
  }

  private async eraseHistory({ m }: WriteContext, row: HandoffRow): Promise<void> {
    const history: HistoryRow[] = await m.query(
      `SELECT seq, details FROM safeguarding.handoff_history WHERE handoff_id = $1`,
      [row.id],
    );
    for (const h of history) {
      const details = erasedDetails(h.details);
      if (Object.keys(details).length === Object.keys(h.details).length) continue;
      await m.query(
        `UPDATE safeguarding.handoff_history SET details = $3::jsonb
         WHERE handoff_id = $1 AND seq = $2`,
        [row.id, h.seq, JSON.stringify(details)],
      );
    }
  }
}
