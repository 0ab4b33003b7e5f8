import { Outcome } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { foldBatch } from './board.projection';
import { sumUp } from './board.reader';
import { addInto, outcomeVector, toTally, zeroVector } from './tally-vector';

const at = '2026-10-06T10:00:00.000Z';
const seizure: Outcome = {
  type: 'seizure',
  force: 'E23000004',
  occurredAt: at,
  cashPence: 1_250_000,
  phones: 3,
  drugs: [
    { drug: 'crack', grams: 0.1, plants: 0, valuePence: 1000 },
    { drug: 'crack', grams: 0.2, plants: 0, valuePence: 2000 },
    { drug: 'cannabis', grams: 0, plants: 12, valuePence: 0 },
  ],
  weapons: { firearm: 1, bladed: 2, other: 0 },
};
const arrest: Outcome = {
  type: 'arrest',
  force: 'E23000004',
  occurredAt: at,
  count: 5,
  under18: 2,
  charged: 1,
};

function recorded(
  outcomeId: string,
  current: Outcome,
  previous: Outcome | null = null,
  operationId = 'op-1',
): ConsumedEvent {
  return {
    topic: 't',
    partition: 0,
    offset: '0',
    event: {
      id: outcomeId,
      type: 'outcome.recorded',
      version: 1,
      aggregateId: outcomeId,
      occurredAt: at,
      recordedAt: at,
      actor: { sub: 's', role: 'nclcc' },
      correlationId: 'c',
      payload: { outcomeId, operationId, version: previous ? 2 : 1, current, previous },
    },
  };
}

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
    const boards = foldBatch([recorded('a', arrest), recorded('a', corrected, arrest)]);
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
    const forward = foldBatch(events).get('op-1')!.forces.get('E23000004');
    const backward = foldBatch([...events].reverse())
      .get('op-1')!
      .forces.get('E23000004');
    expect(forward).toEqual(backward);
    expect(forward!.arrests).toBe(7);
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
