import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';

/** What a read model does with one event of a type: the operations whose boards it changed, if any. */
export type EventHandler = (
  m: EntityManager,
  event: EventEnvelope,
) => Promise<Iterable<string> | void>;

/**
 * Runs each event's handler in partition order (events of other types pass by) and gathers
 * the operations they changed: a read model written event by event is a table of handlers.
 */
export async function applyByType(
  m: EntityManager,
  events: ConsumedEvent[],
  handlers: Record<string, EventHandler>,
): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const { event } of events) {
    const handle = handlers[event.type];
    if (!handle) continue;
    for (const id of (await handle(m, event)) ?? []) changed.add(id);
  }
  return changed;
}
