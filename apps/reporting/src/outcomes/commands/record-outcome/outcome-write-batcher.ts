import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TOPICS, TopicNames } from '@intensify/messaging';
import { fingerprint, idempotencyConflict } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { REPORTING_ENV, ReportingEnv } from '../../../config';
import { lockOpenOperation } from '../../../operations/open-operation';
import { requestPrint } from '../../outcome-keys';
import { NewOutcome, recordOutcomes } from '../../outcome-writes';
import { RecordOutcomeResult } from './record-outcome.command';

interface Pending {
  operationId: string;
  item: NewOutcome;
  resolve: (r: RecordOutcomeResult) => void;
  reject: (e: unknown) => void;
}

type Verdict = { ok: RecordOutcomeResult } | { error: unknown };

/** Most outcomes one transaction writes, and most transactions in flight at once. */
const MAX_BATCH = 200;
const MAX_FLUSHES = 2;

/**
 * Group commit: outcomes that arrive while earlier ones are being written go into the next
 * transaction together, so the cost of a commit (and its fsync) is shared. Each request still
 * gets its own answer, and only once the transaction holding it has committed. If a shared
 * transaction fails, its requests are retried one transaction each, so one cannot sink another.
 */
@Injectable()
export class OutcomeWriteBatcher {
  private queue: Pending[] = [];
  private flushing = 0;
  private kickQueued = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
    @Inject(REPORTING_ENV) private readonly env: ReportingEnv,
  ) {}

  submit(operationId: string, item: NewOutcome): Promise<RecordOutcomeResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ operationId, item, resolve, reject });
      // After the current task: a batch from the gateway submits all its items first, so they
      // share one transaction instead of the first two going alone.
      if (!this.kickQueued) {
        this.kickQueued = true;
        queueMicrotask(() => {
          this.kickQueued = false;
          this.kick();
        });
      }
    });
  }

  private kick(): void {
    while (this.flushing < MAX_FLUSHES && this.queue.length > 0) {
      void this.flush(this.queue.splice(0, MAX_BATCH));
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    this.flushing++;
    try {
      const verdicts = await this.write(batch).catch(async (e) => {
        if (batch.length === 1) return [{ error: e }];
        const alone: Verdict[] = [];
        for (const p of batch)
          alone.push((await this.write([p]).catch((err) => [{ error: err }]))[0]);
        return alone;
      });
      verdicts.forEach((v, i) => ('ok' in v ? batch[i].resolve(v.ok) : batch[i].reject(v.error)));
    } finally {
      this.flushing--;
      this.kick();
    }
  }

  /** One transaction for the batch; verdicts are returned, not delivered, until it has committed. */
  private write(batch: Pending[]): Promise<Verdict[]> {
    return this.db.transaction(async (m) => {
      const verdicts: Verdict[] = new Array(batch.length);
      const replays = await this.replays(m, batch);
      const byOperation = new Map<string, number[]>();
      batch.forEach((p, i) => {
        const replay = replays.get(i);
        if (replay) verdicts[i] = replay;
        else byOperation.set(p.operationId, [...(byOperation.get(p.operationId) ?? []), i]);
      });
      for (const [operationId, indexes] of byOperation) {
        const op = await lockOpenOperation(m, operationId).catch((e: ProblemError) => e);
        if (op instanceof ProblemError) {
          for (const i of indexes) verdicts[i] = { error: op };
          continue;
        }
        const results = await recordOutcomes(
          m,
          op,
          indexes.map((i) => batch[i].item),
          {
            outcomesTopic: this.topics.outcomes,
            clockSkewMs: this.env.CLOCK_SKEW_MS,
            via: 'api',
            // `replays` has just read these keys in this transaction.
            keysChecked: true,
          },
        );
        results.forEach((r, k) => {
          const i = indexes[k];
          if (r.status === 'accepted') verdicts[i] = { ok: { id: r.id, replayed: false } };
          else if (r.status === 'duplicate') verdicts[i] = { ok: { id: r.id, replayed: true } };
          else if (r.status === 'conflict') verdicts[i] = { error: idempotencyConflict() };
          else verdicts[i] = { error: ProblemError.validation(r.errors) };
        });
      }
      return verdicts;
    });
  }

  /** Keys seen before are answered first, even for a week closed since: a replay records nothing. */
  private async replays(m: EntityManager, batch: Pending[]): Promise<Map<number, Verdict>> {
    const rows: { operation_id: string; key: string; fingerprint: string; outcome_id: string }[] =
      await m.query(
        // One index lookup per key (LATERAL): a plain join let the planner scan every key ever
        // stored for each batch, a cost that grew with the table.
        `SELECT k.operation_id, k.key, k.fingerprint, k.outcome_id
         FROM unnest($1::uuid[], $2::text[]) AS w(operation_id, key)
         CROSS JOIN LATERAL (
           SELECT i.operation_id, i.key, i.fingerprint, i.outcome_id FROM reporting.idempotency_keys i
           WHERE i.operation_id = w.operation_id AND i.key = w.key
         ) AS k`,
        [batch.map((p) => p.operationId), batch.map((p) => p.item.key)],
      );
    const seen = new Map(rows.map((r) => [`${r.operation_id}\u0000${r.key}`, r]));
    const verdicts = new Map<number, Verdict>();
    batch.forEach((p, i) => {
      const prior = seen.get(`${p.operationId}\u0000${p.item.key}`);
      if (!prior) return;
      verdicts.set(
        i,
        prior.fingerprint === fingerprint(requestPrint('record', p.operationId, p.item.outcome))
          ? { ok: { id: prior.outcome_id, replayed: true } }
          : { error: idempotencyConflict() },
      );
    });
    return verdicts;
  }
}
