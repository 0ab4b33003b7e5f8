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
