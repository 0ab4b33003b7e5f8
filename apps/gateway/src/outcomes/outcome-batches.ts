import { Injectable } from '@nestjs/common';
import { INTERNAL, OUTCOME_BATCH_MAX, OutcomeAccepted, OutcomeBatch } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { UpstreamClient } from '../upstream/upstream.client';

type Item = OutcomeBatch['items'][number];

export interface RecordedOutcome {
  /** 202 first accepted, 200 a replay of the same request. */
  status: 200 | 202;
  body: OutcomeAccepted;
}

interface Pending {
  item: Item;
  resolve: (r: RecordedOutcome) => void;
  reject: (e: unknown) => void;
}

interface ActorQueue {
  actor: Principal;
  waiting: Pending[];
  inFlight: number;
}

/** Calls per actor in flight at once; what arrives meanwhile goes in the next call together. */
const MAX_IN_FLIGHT = 2;

/**
 * Sends new outcomes to reporting in batches: while an actor's calls are in flight, the outcomes
 * that actor sends wait and then go together in one call, so a busy gateway makes one internal
 * request for many public ones, and an idle one sends each at once (no timer, no added wait).
 * A batch holds one actor's outcomes only: the call's credential names that actor, as for a
 * single request. Each request still gets its own answer, once reporting has committed it.
 */
@Injectable()
export class OutcomeBatches {
  private readonly queues = new Map<string, ActorQueue>();

  constructor(private readonly upstream: UpstreamClient) {}

  record(actor: Principal, item: Item): Promise<RecordedOutcome> {
    const key = [actor.sub, actor.role, actor.region, actor.force].join('\u0000');
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = { actor, waiting: [], inFlight: 0 }));
    const queue = q;
    return new Promise((resolve, reject) => {
      queue.waiting.push({ item, resolve, reject });
      this.kick(key, queue);
    });
  }

  private kick(key: string, q: ActorQueue): void {
    while (q.inFlight < MAX_IN_FLIGHT && q.waiting.length > 0)
      void this.send(key, q, q.waiting.splice(0, OUTCOME_BATCH_MAX));
    if (q.inFlight === 0 && q.waiting.length === 0 && this.queues.get(key) === q)
      this.queues.delete(key);
  }

  private async send(key: string, q: ActorQueue, batch: Pending[]): Promise<void> {
    q.inFlight++;
    try {
      const answer = await this.upstream.send(INTERNAL.reporting.outcomes.recordBatch, {
        actor: q.actor,
        correlationId: batch[0].item.correlationId,
        body: { items: batch.map((p) => p.item) },
      });
      const { results } = answer.body;
      batch.forEach((p, i) => {
        const r = results[i];
        if (!r)
          p.reject(new ProblemError('internal_error', 'reporting left an outcome unanswered'));
        else if ('problem' in r) p.reject(ProblemError.fromProblem(r.problem));
        else p.resolve({ status: r.status, body: { id: r.id, status: 'accepted' } });
      });
    } catch (e) {
      // Nothing is known of any of them: each client retries with its own Idempotency-Key.
      for (const p of batch) p.reject(e);
    } finally {
      q.inFlight--;
      this.kick(key, q);
    }
  }
}
