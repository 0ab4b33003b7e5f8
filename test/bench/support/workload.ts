import { FORCE_CODES } from '@intensify/reference-data';
import type { Outcome } from '@intensify/contracts';

/**
 * A realistic mix of reports, the same for the HTTP benchmarks and the replay: mostly arrests
 * and seizures, some safeguarding and deal lines, spread over the 44 forces, figures varying
 * from report to report. Deterministic in `i`, and complete (every default filled in), so the
 * same object is a valid request body and a valid event's `current`.
 */
export function mixedOutcome(i: number, occurredAt: string): Outcome {
  const force = FORCE_CODES[(i * 7 + (i >>> 5)) % FORCE_CODES.length];
  const r = hash(i);
  const kind = r % 20;
  if (kind < 7) {
    const count = 1 + (r % 4);
    const under18 = (r >>> 3) % (count + 1);
    return {
      type: 'arrest',
      force,
      occurredAt,
      count,
      under18,
      charged: (r >>> 5) % (count + 1),
    };
  }
  if (kind < 13) {
    const drugs = [
      {
        drug: 'crack',
        grams: ((r >>> 4) % 5000) / 1000,
        plants: 0,
        valuePence: (r >>> 6) % 90_000,
      },
    ] as Extract<Outcome, { type: 'seizure' }>['drugs'];
    if (kind % 2 === 0)
      drugs.push({ drug: 'heroin', grams: ((r >>> 7) % 3000) / 8, plants: 0, valuePence: 4_000 });
    if (kind === 12)
      drugs.push({ drug: 'cannabis', grams: 0, plants: 1 + (r % 30), valuePence: 0 });
    return {
      type: 'seizure',
      force,
      occurredAt,
      cashPence: (r >>> 2) % 2_500_000,
      phones: (r >>> 9) % 4,
      drugs,
      weapons: { firearm: kind === 7 ? 1 : 0, bladed: (r >>> 11) % 3, other: 0 },
    };
  }
  if (kind < 16) {
    return {
      type: 'safeguarding',
      force,
      occurredAt,
      children: (r >>> 3) % 3,
      adults: 1 + ((r >>> 5) % 2),
      nrmReferrals: (r >>> 7) % 2,
      cuckooedAddressesVisited: (r >>> 9) % 3,
    };
  }
  const actions = ['identified', 'disrupted', 'closed-type1', 'closed-type2'] as const;
  return {
    type: 'line',
    force,
    occurredAt,
    action: actions[r % 4],
    ddtroApplied: kind === 19 ? 1 : 0,
    ddtroGranted: 0,
    note: kind === 18 ? `line ${i % 997}, reported from the force's return` : undefined,
  };
}

function hash(i: number): number {
  let x = (i + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Drops undefined fields, so a body is what a client would send. */
export function body(o: Outcome): string {
  return JSON.stringify(o);
}

/**
 * What an outcome adds to its force's row, computed here independently of the projection: the
 * read model's column names, grams as milligrams.
 */
export function contribution(o: Outcome): Record<string, number> {
  switch (o.type) {
    case 'arrest':
      return { arrests: o.count, arrests_under18: o.under18, charged: o.charged };
    case 'seizure': {
      const v: Record<string, number> = {
        cash_pence: o.cashPence,
        phones: o.phones,
        weapons_firearm: o.weapons.firearm,
        weapons_bladed: o.weapons.bladed,
        weapons_other: o.weapons.other,
      };
      for (const d of o.drugs) {
        v[`drug_${d.drug}_mg`] = (v[`drug_${d.drug}_mg`] ?? 0) + Math.round(d.grams * 1000);
        v[`drug_${d.drug}_plants`] = (v[`drug_${d.drug}_plants`] ?? 0) + d.plants;
        v[`drug_${d.drug}_value_pence`] = (v[`drug_${d.drug}_value_pence`] ?? 0) + d.valuePence;
      }
      return v;
    }
    case 'safeguarding':
      return {
        safeguarded_children: o.children,
        safeguarded_adults: o.adults,
        nrm_referrals: o.nrmReferrals,
        cuckooed_addresses_visited: o.cuckooedAddressesVisited,
      };
    case 'line':
      return {
        [`lines_${o.action.replace('closed-type', 'closed_type')}`]: 1,
        lines_ddtro_applied: o.ddtroApplied,
        lines_ddtro_granted: o.ddtroGranted,
      };
  }
}

/** Adds `sign` × the outcome's contribution into `into`. */
export function addInto(
  into: Record<string, number>,
  o: Outcome,
  sign: 1 | -1 = 1,
): Record<string, number> {
  for (const [k, v] of Object.entries(contribution(o))) into[k] = (into[k] ?? 0) + sign * v;
  return into;
}

/** The national figures of a board that these columns are checked against over HTTP. */
export function nationalFigures(totals: Record<string, number>) {
  return {
    arrests: totals.arrests ?? 0,
    charged: totals.charged ?? 0,
    cashPence: totals.cash_pence ?? 0,
    safeguardedChildren: totals.safeguarded_children ?? 0,
    weaponsBladed: totals.weapons_bladed ?? 0,
    linesDisrupted: totals.lines_disrupted ?? 0,
  };
}

export function nationalFromBoard(board: {
  national: {
    arrests: number;
    charged: number;
    cashPence: number;
    safeguardedChildren: number;
    weapons: { bladed: number };
    lines: { disrupted: number };
  };
}) {
  const n = board.national;
  return {
    arrests: n.arrests,
    charged: n.charged,
    cashPence: n.cashPence,
    safeguardedChildren: n.safeguardedChildren,
    weaponsBladed: n.weapons.bladed,
    linesDisrupted: n.lines.disrupted,
  };
}
