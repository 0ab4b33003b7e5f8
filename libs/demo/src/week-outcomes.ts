import { Drug, OutcomeType } from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { activityWeight } from './force-weights';
import { Random } from './random';

/** An outcome the demo will report, at a point of the week (0 = its start, 1 = its end). */
export interface PlannedOutcome {
  at: number;
  body: { type: OutcomeType; force: string; [field: string]: unknown };
}

/**
 * Records per week at scale 1, sized so the national totals land near a recent published week
 * (about 1,600 arrests, 1,400 people safeguarded, £1.3m cash, 450 weapons, 250 lines closed).
 */
const RECORDS = { arrest: 1000, seizure: 650, safeguarding: 560, line: 420 } as const;

/** Activity by hour of day: dawn warrants, a busy day, a quiet small hours. */
const HOURLY = [
  0.3, 0.2, 0.2, 0.2, 0.5, 2.2, 2.6, 2, 1.4, 1.3, 1.2, 1.2, 1.1, 1.1, 1.1, 1.2, 1.3, 1.3, 1.2, 1.1,
  1, 0.8, 0.6, 0.4,
];

const DRUG_GRAMS: Record<Drug, [number, number]> = {
  crack: [2, 120],
  heroin: [2, 120],
  cocaine: [5, 400],
  cannabis: [20, 3000],
  other: [1, 50],
};
const PENCE_PER_GRAM: Record<Drug, number> = {
  crack: 8000,
  heroin: 6000,
  cocaine: 7000,
  cannabis: 1000,
  other: 3000,
};

export function planWeekOutcomes(random: Random, scale: number): PlannedOutcome[] {
  const planned: PlannedOutcome[] = [];
  for (const [type, perWeek] of Object.entries(RECORDS) as [keyof typeof RECORDS, number][]) {
    const n = Math.max(1, Math.round(perWeek * scale));
    for (let i = 0; i < n; i++) {
      const force = random.weighted(FORCE_CODES, activityWeight);
      planned.push({ at: pointOfWeek(random), body: { type, force, ...figures(type, random) } });
    }
  }
  return planned.sort((a, b) => a.at - b.at);
}

/** A moment of the week, more likely in busy hours. */
function pointOfWeek(random: Random): number {
  const day = random.int(0, 6);
  const hour = random.weighted(
    HOURLY.map((_, h) => h),
    (h) => HOURLY[h],
  );
  return (day * 24 + hour + random.next()) / (7 * 24);
}

function figures(type: keyof typeof RECORDS, random: Random): Record<string, unknown> {
  switch (type) {
    case 'arrest': {
      const count = random.weighted([1, 1, 1, 2, 2, 3, 4], () => 1);
      return {
        count,
        under18: random.chance(0.15) ? 1 : 0,
        charged: random.int(0, count),
      };
    }
    case 'seizure': {
      const drug = random.weighted(
        ['crack', 'heroin', 'cocaine', 'cannabis', 'other'] as Drug[],
        (d) => (d === 'crack' || d === 'heroin' ? 3 : d === 'cocaine' ? 2 : 1),
      );
      const [lo, hi] = DRUG_GRAMS[drug];
      const grams = random.int(lo * 10, hi * 10) / 10;
      return {
        cashPence: random.chance(0.55) ? random.int(20, 800) * 500 : 0,
        // At least a deal phone, so no seizure is empty.
        phones: random.int(1, 3),
        drugs: random.chance(0.8)
          ? [{ drug, grams, valuePence: Math.round(grams * PENCE_PER_GRAM[drug]) }]
          : [],
        weapons: {
          firearm: random.chance(0.03) ? 1 : 0,
          bladed: random.chance(0.45) ? random.int(1, 2) : 0,
          other: random.chance(0.1) ? 1 : 0,
        },
      };
    }
    case 'safeguarding': {
      const children = random.weighted([0, 1, 1, 1, 2, 3], () => 1);
      return {
        children,
        // An outcome with nothing in it is refused; someone was safeguarded.
        adults: random.weighted(children ? [0, 1, 1, 2] : [1, 1, 2, 3], () => 1),
        nrmReferrals: random.chance(0.3) ? 1 : 0,
        cuckooedAddressesVisited: random.chance(0.35) ? random.int(1, 2) : 0,
      };
    }
    case 'line': {
      const action = random.weighted(
        ['identified', 'disrupted', 'closed-type1', 'closed-type2'] as const,
        (a) => (a === 'closed-type1' ? 2.5 : a === 'closed-type2' ? 3.5 : 2),
      );
      const applied = action === 'closed-type2' && random.chance(0.3) ? random.int(1, 3) : 0;
      return { action, ddtroApplied: applied, ddtroGranted: applied ? random.int(0, applied) : 0 };
    }
  }
}
