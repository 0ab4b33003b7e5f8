import { LINE_RETURN_COLUMNS } from '@intensify/contracts';
import { BTP, FORCE_CODES, FORCES } from '@intensify/reference-data';
import { exportWeight } from './force-weights';
import { Random } from './random';

/** A county line as the demo register holds it (people only as pseudonymous references). */
export interface DemoLine {
  brand: string;
  exportingForce: string;
  importingForces: string[];
  numbers: string[];
  holderRefs: string[];
  risk: { childrenExploited: boolean; weapons: boolean; violence: boolean; cuckooing: boolean };
  status: 'active' | 'dormant';
}

const BRAND_WORDS = [
  'Ace',
  'Blaze',
  'Cobra',
  'Dice',
  'Echo',
  'Flash',
  'Ghost',
  'Halo',
  'Icon',
  'Jet',
  'King',
  'Lucky',
  'Mint',
  'Nova',
  'Onyx',
  'Prime',
  'Quartz',
  'Rocket',
  'Sky',
  'Turbo',
  'Ultra',
  'Viper',
  'Wave',
  'Xtra',
  'Yard',
  'Zed',
  'Bolt',
  'Crown',
  'Delta',
  'Frost',
];

/** Regions whose forces often receive lines from another region's exporting forces. */
const NEAR: Record<string, string[]> = {
  london: ['eastern', 'south-east', 'south-west'],
  'west-midlands': ['east-midlands', 'south-west', 'southern-wales', 'north-west'],
  'north-west': ['north-east', 'yorkshire-humber', 'southern-wales', 'west-midlands'],
  'north-east': ['yorkshire-humber', 'north-west'],
  'yorkshire-humber': ['north-east', 'east-midlands'],
  'east-midlands': ['eastern', 'yorkshire-humber'],
  eastern: ['east-midlands', 'south-east'],
  'south-east': ['south-west', 'eastern'],
  'south-west': ['southern-wales', 'south-east'],
  'southern-wales': ['south-west', 'west-midlands'],
};

/**
 * A register of about `lines` county lines with about two deal numbers each, exporters
 * weighted to the Metropolitan Police, West Midlands, Merseyside and Greater Manchester,
 * importing into forces of their own and nearby regions. About one holder in six controls
 * several lines, so the ranked holder view has something to show. Deal numbers come from
 * Ofcom's range for drama (07700 900000–900999) and the block after it, never real lines.
 */
export function generateRegister(
  random: Random,
  lines = 1000,
  /** A second register beside the first (e.g. in a test run): other brands and numbers. */
  apart: { brandPrefix?: string; firstNumber?: number } = {},
): DemoLine[] {
  const territorial = FORCES.filter((f) => f.code !== BTP);
  const regionOf = new Map(territorial.map((f) => [f.code, f.region!]));
  const holders: string[] = [];
  const register: DemoLine[] = [];
  let nextNumber = apart.firstNumber ?? 0;
  for (let i = 0; i < lines; i++) {
    const exportingForce = random.weighted(FORCE_CODES, exportWeight);
    const home = regionOf.get(exportingForce)!;
    const importingForces = new Set<string>();
    const wanted = random.int(1, 3);
    while (importingForces.size < wanted) {
      const force = random.weighted(territorial, (f) =>
        f.code === exportingForce
          ? 0
          : f.name === 'City of London' // the Square Mile imports almost no lines
            ? 0.05
            : f.region === home
              ? 3
              : NEAR[home]?.includes(f.region!)
                ? 2
                : 0.05,
      ).code;
      importingForces.add(force);
    }
    const numbers = Array.from({ length: random.weighted([1, 2, 2, 2, 3], () => 1) }, () =>
      dealNumber(nextNumber++),
    );
    const reuseHolder = holders.length > 20 && random.chance(0.3);
    const holder = reuseHolder ? random.pick(holders.slice(-60)) : holderRef(holders.length);
    if (!reuseHolder) holders.push(holder);
    register.push({
      brand: `${apart.brandPrefix ?? ''}${random.pick(BRAND_WORDS)} ${String(i + 1).padStart(4, '0')}`,
      exportingForce,
      importingForces: [...importingForces],
      numbers,
      holderRefs: random.chance(0.15) ? [holder, holderRef(holders.length + 5000 + i)] : [holder],
      risk: {
        childrenExploited: random.chance(0.45),
        weapons: random.chance(0.3),
        violence: random.chance(0.35),
        cuckooing: random.chance(0.25),
      },
      status: random.chance(0.85) ? 'active' : 'dormant',
    });
  }
  return register;
}

function dealNumber(n: number): string {
  return `077009${String(n).padStart(5, '0')}`;
}

function holderRef(n: number): string {
  return `LH-${String(n + 1).padStart(5, '0')}`;
}

/** The columns of a force's return the demo fills: it replaces no numbers and closes no lines. */
const HEADER = LINE_RETURN_COLUMNS.filter(
  (c) => !['replacedNumbers', 'closureType', 'lastIntelligenceAt'].includes(c),
);

/** Each exporting force's monthly return (CSV) of the lines it runs investigations into. */
export function monthlyReturns(register: readonly DemoLine[]): Map<string, string> {
  const rows = new Map<string, string[]>();
  for (const line of register) {
    const yes = (b: boolean) => (b ? 'yes' : 'no');
    const row = [
      line.brand,
      line.exportingForce,
      line.importingForces.join(';'),
      line.numbers.join(';'),
      line.holderRefs.join(';'),
      yes(line.risk.childrenExploited),
      yes(line.risk.weapons),
      yes(line.risk.violence),
      yes(line.risk.cuckooing),
      line.status,
    ].join(',');
    rows.set(line.exportingForce, [...(rows.get(line.exportingForce) ?? []), row]);
  }
  return new Map(
    [...rows].map(([force, r]) => [force, [HEADER.join(','), ...r].join('\n') + '\n']),
  );
}
