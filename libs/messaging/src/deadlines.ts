import { randomUUID } from 'node:crypto';
import { JobsOptions } from 'bullmq';
import { Actor, TopicKey } from '@intensify/contracts';
import { ChangeWriter } from './change-writer';
import { DelayedJobQueue, NotYetDue } from './delayed-jobs';
import { WriteContext } from './record-changes';
import { ServiceConsumerSettings } from './service-consumer-settings';
import { TransactionalConsumerHost, retriable } from './transactional-consumer.host';
import { ConsumedEvent } from './transactional-consumer';

/**
 * How every service's deadline jobs retry (a job run before its time throws `NotYetDue`) and how
 * long finished ones are kept: a week, so a redelivered event within that time finds its job
 * and adds nothing.
 */
export const DEADLINE_JOB_OPTIONS: JobsOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 250 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Where a service's deadline jobs wait: its Redis, under the environment's `REDIS_PREFIX`. */
export interface DeadlineRedis {
  REDIS_URL: string;
  REDIS_PREFIX: string;
}

/** A deadline job's name, its deterministic id and when it falls due. */
export interface DeadlineKey {
  name: string;
  id: string;
  dueAt: string;
}

/** A queue of deadline jobs, each delayed until it falls due; adding one that exists changes nothing. */
export class DeadlineJobQueue<J> extends DelayedJobQueue<J> {
  constructor(
    env: DeadlineRedis,
    queue: string,
    private readonly keyOf: (job: J) => DeadlineKey,
    now: () => Date,
  ) {
    super(
      {
        redisUrl: env.REDIS_URL,
        prefix: env.REDIS_PREFIX,
        queue,
        jobOptions: DEADLINE_JOB_OPTIONS,
      },
      now,
    );
  }

  schedule(jobs: J[]): Promise<void> {
    return this.add(jobs.map((data) => ({ ...this.keyOf(data), data })));
  }
}

export interface DeadlineSchedulingOptions<J> {
  /** The group's name without the environment's prefix, e.g. `tasking.deadlines.v1`. */
  group: string;
  /** The service's own topic: an event there exists only if its change committed. */
  topics: TopicKey[];
  queue: DeadlineJobQueue<J>;
  /** The deadlines an event starts; none for most events. */
  deadlinesOf: (event: ConsumedEvent['event']) => J[];
  /** The events that may start a deadline, when not all do (see `TransactionalConsumerOptions`). */
  concerns?: (event: { type?: unknown }) => boolean;
  /** Told, once a batch is committed, the operations its events belong to (for live streams). */
  announce?: { operationOf: (event: ConsumedEvent['event']) => string; to: AnnounceTo };
}

type AnnounceTo = (operations: Set<string>) => Promise<void> | void;

/**
 * Schedules the deadlines a service's own events start. The offset moves on only once the jobs
 * are in Redis: no job without its change, no change without its job, even when the service is
 * killed in between.
 */
export class DeadlineSchedulingConsumer<J> extends TransactionalConsumerHost<Set<string>> {
  constructor(settings: ServiceConsumerSettings, o: DeadlineSchedulingOptions<J>) {
    const announce = o.announce;
    super({
      ...settings,
      group: o.group,
      topics: o.topics,
      // Events that start no deadline are passed over, unless every batch is announced.
      concerns: announce ? undefined : o.concerns,
      apply: async (_m, events) => {
        await scheduleDeadlines(o, events);
        return new Set(announce ? events.map(({ event }) => announce.operationOf(event)) : []);
      },
      afterCommit: announce && ((operations) => announce.to(operations)),
    });
  }
}

async function scheduleDeadlines<J>(
  o: DeadlineSchedulingOptions<J>,
  events: ConsumedEvent[],
): Promise<void> {
  const jobs = events.flatMap(({ event }) => o.deadlinesOf(event));
  if (jobs.length === 0) return;
  try {
    await o.queue.schedule(jobs);
  } catch (e) {
    // Redis being away is no fault of the events: retry them rather than set them aside.
    throw retriable('scheduling deadlines', e);
  }
}

/** The outcome of judging a deadline on its subject as it is now. */
export type DeadlineVerdict<D extends string> = D | 'ignore' | 'not-yet-due';

export interface DeadlineRun<S, D extends string> {
  /** What the job is about, for the log when it runs early. */
  what: string;
  /** Reads the job's subject under its row lock. */
  lock: (ctx: WriteContext) => Promise<S>;
  decide: (subject: S, now: Date) => DeadlineVerdict<D>;
  /** Writes what the decision does, with its events and audit, in the same transaction. */
  act: (ctx: WriteContext, subject: S, decision: D) => Promise<void>;
}

/**
 * Runs a deadline job as `actor`: re-reads the subject under its row lock and acts only if the
 * deadline still applies. A second run (a retried or duplicated job) finds the work done and
 * changes nothing; a run before its time throws, so the queue tries again after its backoff.
 */
export function runDeadline<S, D extends string>(
  writer: ChangeWriter,
  actor: Actor,
  run: DeadlineRun<S, D>,
): Promise<D | 'ignore'> {
  return writer.inTransaction({ actor, correlationId: randomUUID() }, async (ctx) => {
    const subject = await run.lock(ctx);
    const decision = run.decide(subject, ctx.now);
    if (decision === 'not-yet-due') throw new NotYetDue(`${run.what} is not due yet`);
    if (decision === 'ignore') return decision;
    await run.act(ctx, subject, decision as D);
    return decision as D;
  });
}
