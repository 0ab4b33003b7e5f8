import { InjectionToken, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS, TopicNames } from './outbox.module';
import { WriteContext, writeInTransaction, WriteScope } from './record-changes';

/** Who asks for a change; `now` when the handler has already read the clock. */
export type ChangeRequest = Pick<WriteScope, 'actor' | 'correlationId'> & { now?: Date };

/**
 * A capability's writes: one transaction each, with its schema, its topic and its clock's
 * time already in the context, so a handler injects this one thing and keeps to its use case.
 */
export class ChangeWriter {
  constructor(
    private readonly db: DataSource,
    private readonly place: Pick<WriteScope, 'schema' | 'topic'>,
    private readonly clock: () => Date,
  ) {}

  /** The time as the service sees it. */
  now(): Date {
    return this.clock();
  }

  inTransaction<T>(
    { actor, correlationId, now }: ChangeRequest,
    work: (ctx: WriteContext) => Promise<T>,
  ): Promise<T> {
    const at = now ? () => now : this.clock;
    return writeInTransaction(this.db, { ...this.place, actor, correlationId, now: at }, work);
  }
}

export interface ChangeWriterOptions {
  schema: string;
  /** Where the capability's events go, unless a change names another topic. */
  topic: (topics: TopicNames) => string;
  /** The service's clock (`{ now(): Date }`), if it has one; else the system time. */
  clock?: InjectionToken;
}

/** Provides the capability's `ChangeWriter`. */
export function changeWriter(o: ChangeWriterOptions): Provider {
  return {
    provide: ChangeWriter,
    inject: [getDataSourceToken(), TOPICS, ...(o.clock ? [o.clock] : [])],
    useFactory: (db: DataSource, topics: TopicNames, clock?: { now(): Date }) =>
      new ChangeWriter(
        db,
        { schema: o.schema, topic: o.topic(topics) },
        clock ? () => clock.now() : () => new Date(),
      ),
  };
}
