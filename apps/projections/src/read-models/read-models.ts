import { EntityManager } from 'typeorm';
import { ConsumedEvent } from '@intensify/messaging';
import { baselines } from '../baselines/baselines.apply';
import { boardTallies } from '../board-tallies/board-tallies.apply';
import { focusLineResults } from '../focus-line-results/focus-line-results.apply';
import { focusMap } from '../focus-map/focus-map.apply';
import { handoffCounts } from '../handoff-counts/handoff-counts.apply';
import { applyToInbox } from '../inbox/inbox.apply';
import { lineDdtros } from '../line-ddtros/line-ddtros.apply';
import { taskingCounts } from '../tasking-counts/tasking-counts.apply';
import { timeline } from '../timeline/timeline.apply';
import { tallyHours } from '../week-comparison/tally-hours.apply';
import { dropOutcomeCopies } from './outcome-dedup';
import { ReadModel } from './read-model';

/** Every read model the service keeps, in the order each batch is applied to them. */
export const READ_MODELS: readonly ReadModel[] = [
  boardTallies,
  timeline,
  taskingCounts,
  focusMap,
  handoffCounts,
  focusLineResults,
  tallyHours,
  baselines,
  lineDdtros,
];

/** What a batch changed, to announce once committed: boards by operation, inboxes by audience. */
export interface ReadModelChanges {
  boards: Set<string>;
  inboxes: Set<string>;
}

/**
 * The one applier of a batch, in the transaction that stores its offsets: outcome copies are
 * dropped once, then each read model applies the rest, the inbox last. Every batch takes its
 * row locks in this one order, so batches of different partitions wait for each other instead
 * of deadlocking.
 */
export async function applyToReadModels(
  m: EntityManager,
  events: ConsumedEvent[],
): Promise<ReadModelChanges> {
  const fresh = await dropOutcomeCopies(m, events);
  const boards = new Set<string>();
  for (const model of READ_MODELS) {
    for (const operationId of await model.apply(m, fresh)) boards.add(operationId);
  }
  return { boards, inboxes: await applyToInbox(m, fresh) };
}
