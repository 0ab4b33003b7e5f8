import { InitialProjections1763800000000 } from './1763800000000-initial-projections';
import { OutcomeState1763900000000 } from './1763900000000-outcome-state';

/** Every read-model migration, in order; a rebuild runs the same list in a fresh schema. */
export const PROJECTION_MIGRATIONS = [InitialProjections1763800000000, OutcomeState1763900000000];
