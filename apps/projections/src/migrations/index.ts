import { InitialProjections1763800000000 } from './1763800000000-initial-projections';
import { OutcomeState1763900000000 } from './1763900000000-outcome-state';
import { TaskingCounts1764000000000 } from './1764000000000-tasking-counts';
import { FocusMap1764100000000 } from './1764100000000-focus-map';
import { OutcomeHours1764300000000 } from './1764300000000-outcome-hours';
import { HandoffCounts1764400000000 } from './1764400000000-handoff-counts';
import { BaselinesAndTallyHours1764520000000 } from './1764520000000-baselines-and-tally-hours';
import { FocusLineResults1764620000000 } from './1764620000000-focus-line-results';
import { LineDdtros1764900000000 } from './1764900000000-line-ddtros';
import { Inbox1765100000000 } from './1765100000000-inbox';

/** Every read-model migration, in order; a rebuild runs the same list in a fresh schema. */
export const PROJECTION_MIGRATIONS = [
  InitialProjections1763800000000,
  OutcomeState1763900000000,
  TaskingCounts1764000000000,
  FocusMap1764100000000,
  OutcomeHours1764300000000,
  HandoffCounts1764400000000,
  BaselinesAndTallyHours1764520000000,
  FocusLineResults1764620000000,
  LineDdtros1764900000000,
  Inbox1765100000000,
];
