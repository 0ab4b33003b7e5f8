import { HandoffCounts } from './handoff';
import { DRUGS, Drug } from './outcome.schema';

export interface DrugTally {
  grams: number;
  plants: number;
  valuePence: number;
}

export interface Tally {
  arrests: number;
  arrestsUnder18: number;
  charged: number;
  safeguardedChildren: number;
  safeguardedAdults: number;
  nrmReferrals: number;
  cuckooedAddressesVisited: number;
  cashPence: number;
  phones: number;
  drugs: Record<Drug, DrugTally>;
  weapons: { firearm: number; bladed: number; other: number };
  lines: {
    identified: number;
    disrupted: number;
    closedType1: number;
    closedType2: number;
    ddtroApplied: number;
    ddtroGranted: number;
  };
}

export interface TaskingCounts {
  issued: number;
  acknowledged: number;
  inProgress: number;
  completed: number;
  declined: number;
  overdue: number;
}

/** A tasking past its due time and still open, oldest first on the board. */
export interface OverdueTasking {
  id: string;
  force: string;
  priority: string;
  dueAt: string;
  overdueForMinutes: number;
}

export interface Board {
  operationId: string;
  status: string;
  final: boolean;
  asOf: string;
  eventsApplied: number;
  national: Tally;
  regions: Record<string, Tally>;
  forces: Record<string, Tally>;
  taskings: TaskingCounts;
  taskingsByRegion: Record<string, TaskingCounts>;
  taskingsByForce: Record<string, TaskingCounts>;
  overdueTaskings: OverdueTasking[];
  /** Hand-offs raised in the week, counted at the home force. */
  handoffs: HandoffCounts;
  handoffsByRegion: Record<string, HandoffCounts>;
  handoffsByForce: Record<string, HandoffCounts>;
}

export function emptyTally(): Tally {
  return {
    arrests: 0,
    arrestsUnder18: 0,
    charged: 0,
    safeguardedChildren: 0,
    safeguardedAdults: 0,
    nrmReferrals: 0,
    cuckooedAddressesVisited: 0,
    cashPence: 0,
    phones: 0,
    drugs: Object.fromEntries(
      DRUGS.map((d) => [d, { grams: 0, plants: 0, valuePence: 0 }]),
    ) as Record<Drug, DrugTally>,
    weapons: { firearm: 0, bladed: 0, other: 0 },
    lines: {
      identified: 0,
      disrupted: 0,
      closedType1: 0,
      closedType2: 0,
      ddtroApplied: 0,
      ddtroGranted: 0,
    },
  };
}

export function emptyTaskingCounts(): TaskingCounts {
  return { issued: 0, acknowledged: 0, inProgress: 0, completed: 0, declined: 0, overdue: 0 };
}
