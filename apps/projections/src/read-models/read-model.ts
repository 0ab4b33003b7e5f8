import { EntityManager } from 'typeorm';
import { ConsumedEvent } from '@intensify/messaging';

/** One read model as the consumer sees it: what it makes of a batch. */
export interface ReadModel {
  /**
   * Writes the batch's effect in the consumer's transaction (the one that stores the offsets).
   * `events` are one partition's, outcome copies already dropped. Answers the operations whose
   * boards changed, to announce once the transaction committed.
   */
  apply(m: EntityManager, events: ConsumedEvent[]): Promise<Iterable<string>>;
}

/** One statement and its parameters (`$1`…), to be sent with others in one round trip. */
export interface Write {
  sql: string;
  params: unknown[];
}

/**
 * A read model of sums that every partition's batches add to: it answers its statements instead
 * of running them, so all such statements of a batch go to PostgreSQL as one (see `writeTogether`).
 */
export interface SumsModel {
  writes(events: ConsumedEvent[]): { writes: Write[]; operations: Iterable<string> };
}
