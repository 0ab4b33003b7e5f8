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
import { ReadModel, SumsModel, Write } from './read-model';
import { writeTogether } from './write-together';

/** Every read model the service keeps, in the order each batch is applied to them. */
export const READ_MODELS: readonly ReadModel[] = [
  taskingCounts,
  focusMap,
  handoffCounts,
  focusLineResults,
  baselines,
  lineDdtros,
];

/**
 * The sums every partition's batches add to (one row per operation and force, or per hour):
 * batches of different partitions wait for each other's locks on them until commit, so they are
 * written last, just before the offset, in one statement, and held for as short a time as possible.
 */
export const SUMS: readonly SumsModel[] = [timeline, tallyHours, boardTallies];

/** What a batch changed, to announce once committed: boards by operation, inboxes by audience. */
export interface ReadModelChanges {
  boards: Set<string>;
  inboxes: Set<string>;
}

/**
 * The one applier of a batch, in the transaction that stores its offsets: outcome copies are
 * dropped once, then each read model applies the rest, the inbox, and the shared sums last. Every
 * batch takes its row locks in this one order, so batches of different partitions wait for each
 * other instead of deadlocking.
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
  const inboxes = await applyToInbox(m, fresh);
  const writes: Write[] = [];
  for (const model of SUMS) {
    const sums = model.writes(fresh);
    writes.push(...sums.writes);
    for (const operationId of sums.operations) boards.add(operationId);
  }
  await writeTogether(m, writes);
  return { boards, inboxes };
}
