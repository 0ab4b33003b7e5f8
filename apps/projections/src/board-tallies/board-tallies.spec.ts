import { Outcome, outcomeFigures } from '@intensify/contracts';
import { arrest as anArrest, outcomeRecorded } from '../read-models/outcome-events.fixture';
import { foldBoardTallies } from './board-tallies.apply';
import { sumUp } from './board-tallies.reader';
import { addInto, outcomeVector, toTally, zeroVector } from './tally-vector';

const at = '2026-10-06T10:00:00.000Z';
const crack = (grams: number, valuePence: number) =>
  ({ drug: 'crack', grams, plants: 0, valuePence }) as const;
const cannabis = { drug: 'cannabis', grams: 0, plants: 12, valuePence: 0 } as const;
/** 0.1 g and 0.2 g of crack: floating point would not add them up to 0.3 g. */
const drugs = [crack(0.1, 1000), crack(0.2, 2000), cannabis];
const figures = { cashPence: 1_250_000, phones: 3, weapons: { firearm: 1, bladed: 2, other: 0 } };
const seizure: Outcome = { type: 'seizure', force: 'E23000004', occurredAt: at, ...figures, drugs };
const arrest = anArrest({ force: 'E23000004', count: 5, under18: 2, charged: 1 });

const recorded = (outcomeId: string, current: Outcome, previous: Outcome | null = null) =>
  outcomeRecorded({ outcomeId, operationId: 'op-1', version: previous ? 2 : 1, current, previous });

describe('tally arithmetic', () => {
  it('adds grams exactly (as milligrams), whatever floating point would say', () => {
    const t = toTally(outcomeVector(seizure));
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(t.drugs.crack).toEqual({ grams: 0.3, plants: 0, valuePence: 3000 });
    expect(t.drugs.cannabis.plants).toBe(12);
    expect(t).toMatchObject({
      cashPence: 1_250_000,
      phones: 3,
      weapons: { firearm: 1, bladed: 2, other: 0 },
    });
  });

  it('maps each outcome type to its tally keys', () => {
    expect(toTally(outcomeVector(arrest))).toMatchObject({
      arrests: 5,
      arrestsUnder18: 2,
      charged: 1,
    });
    const line = toTally(
      outcomeVector({
        type: 'line',
        force: 'BTP',
        occurredAt: at,
        action: 'closed-type1',
        ddtroApplied: 2,
        ddtroGranted: 1,
      }),
    );
    expect(line.lines).toEqual({
      identified: 0,
      disrupted: 0,
      closedType1: 1,
      closedType2: 0,
      ddtroApplied: 2,
      ddtroGranted: 1,
    });
    const sg = toTally(
      outcomeVector({
        type: 'safeguarding',
        force: 'BTP',
        occurredAt: at,
        children: 4,
        adults: 1,
        nrmReferrals: 2,
        cuckooedAddressesVisited: 3,
      }),
    );
    expect(sg).toMatchObject({
      safeguardedChildren: 4,
      safeguardedAdults: 1,
      nrmReferrals: 2,
      cuckooedAddressesVisited: 3,
    });
  });

  it('a correction adds the difference, moving figures between forces if the force changed', () => {
    const corrected: Outcome = { ...arrest, force: 'E23000005', count: 4, under18: 1 };
    const boards = foldBoardTallies([recorded('a', arrest), recorded('a', corrected, arrest)]);
    const forces = boards.get('op-1')!.forces;
    expect(toTally(forces.get('E23000004')!).arrests).toBe(0);
    expect(toTally(forces.get('E23000005')!)).toMatchObject({
      arrests: 4,
      arrestsUnder18: 1,
      charged: 1,
    });
    expect(boards.get('op-1')!.eventsApplied).toBe(2);
  });

  it('folds to the same sums in any order', () => {
    const events = [
      recorded('a', arrest),
      recorded('b', seizure),
      recorded('a', { ...arrest, count: 7 }, arrest),
    ];
    const forward = foldBoardTallies(events).get('op-1')!.forces.get('E23000004');
    const backward = foldBoardTallies([...events].reverse())
      .get('op-1')!
      .forces.get('E23000004');
    expect(forward).toEqual(backward);
    expect(forward!.arrests).toBe(7);
  });

  it('folds retained v1 events (notes aboard) and v2 events (none) to the same figures', () => {
    const noted: Outcome = { ...arrest, note: 'seen near the station' };
    const v1 = [recorded('a', noted), recorded('a', { ...noted, count: 7 }, noted)];
    const v2 = v1.map((e) => {
      const p = e.event.payload as { current: Outcome; previous: Outcome | null };
      const payload = { ...p, current: outcomeFigures(p.current), previous: null as unknown };
      if (p.previous) payload.previous = outcomeFigures(p.previous);
      return { ...e, event: { ...e.event, version: 2, payload } };
    });
    expect(foldBoardTallies(v2)).toEqual(foldBoardTallies(v1));
    expect(foldBoardTallies(v2).get('op-1')!.forces.get('E23000004')!.arrests).toBe(7);
  });

  it('sums forces into regions and the nation, BTP in the nation only', () => {
    const v = new Map([
      ['E23000004', outcomeVector(arrest)],
      ['E23000005', addInto(zeroVector(), outcomeVector(arrest))],
      ['BTP', outcomeVector({ ...arrest, force: 'BTP', count: 1, under18: 0, charged: 0 })],
    ]);
    const b = sumUp(v);
    expect(b.regions['north-west'].arrests).toBe(10);
    expect(b.regions.london.arrests).toBe(0);
    expect(b.national.arrests).toBe(11);
    expect(Object.keys(b.forces)).toHaveLength(44);
    expect(Object.keys(b.regions)).toHaveLength(10);
  });
});
