import {
  board,
  boardAfter,
  createActiveWeek,
  hoursAgo,
  GREATER_MANCHESTER,
  MERSEYSIDE,
  MET,
  NORTH_WALES,
  report,
} from '../support/scenario';

/**
 * Nothing accepted is lost: every outcome that got a 202 is on the board, with exact figures at
 * force, region and national level, after the whole path gateway → reporting → outbox → Kafka →
 * projections → PostgreSQL.
 */
describe('accepted outcomes reach the board with exact figures', () => {
  let op: { id: string };

  beforeAll(async () => {
    op = await createActiveWeek('Exact figures week');
  });

  it('starts with every Tally key at zero, for all 10 regions and 44 forces', async () => {
    const b = await board(op.id);
    expect(b).toMatchObject({
      operationId: op.id,
      status: 'active',
      final: false,
      eventsApplied: 0,
    });
    expect(Object.keys(b.regions)).toHaveLength(10);
    expect(Object.keys(b.forces)).toHaveLength(44);
    expect(b.national).toEqual({
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
        ['crack', 'heroin', 'cocaine', 'cannabis', 'other'].map((d) => [
          d,
          { grams: 0, plants: 0, valuePence: 0 },
        ]),
      ),
      weapons: { firearm: 0, bladed: 0, other: 0 },
      lines: {
        identified: 0,
        disrupted: 0,
        closedType1: 0,
        closedType2: 0,
        ddtroApplied: 0,
        ddtroGranted: 0,
      },
    });
    expect(b.taskings).toEqual({
      issued: 0,
      acknowledged: 0,
      inProgress: 0,
      completed: 0,
      declined: 0,
      overdue: 0,
    });
    expect(typeof b.asOf).toBe('string');
  });

  it('adds up all four types at every level', async () => {
    const accepted = await Promise.all([
      report(op.id, {
        type: 'arrest',
        force: MERSEYSIDE,
        occurredAt: hoursAgo(3),
        count: 4,
        under18: 1,
        charged: 2,
      }),
      report(op.id, { type: 'arrest', force: NORTH_WALES, occurredAt: hoursAgo(2), count: 1 }),
      report(op.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 2, under18: 2 }),
      report(op.id, {
        type: 'seizure',
        force: GREATER_MANCHESTER,
        occurredAt: hoursAgo(5),
        cashPence: 31_264_900,
        phones: 7,
        drugs: [
          { drug: 'crack', grams: 12.345, valuePence: 50_000 },
          { drug: 'crack', grams: 0.005 },
          { drug: 'cannabis', plants: 40 },
        ],
        weapons: { firearm: 1, bladed: 3 },
      }),
      report(op.id, {
        type: 'safeguarding',
        force: MERSEYSIDE,
        occurredAt: hoursAgo(4),
        children: 3,
        adults: 2,
        nrmReferrals: 1,
        cuckooedAddressesVisited: 5,
      }),
      report(op.id, {
        type: 'line',
        force: 'BTP',
        occurredAt: hoursAgo(6),
        action: 'closed-type1',
        ddtroApplied: 2,
        ddtroGranted: 1,
      }),
      report(op.id, {
        type: 'line',
        force: MERSEYSIDE,
        occurredAt: hoursAgo(6),
        action: 'disrupted',
      }),
    ]);
    expect(accepted.map((r) => r.status)).toEqual([202, 202, 202, 202, 202, 202, 202]);
    for (const r of accepted)
      expect(r.body).toEqual({ id: expect.any(String), status: 'accepted' });

    const b = await boardAfter(op.id, 7);
    expect(b.eventsApplied).toBe(7);
    expect(b.forces[MERSEYSIDE]).toMatchObject({
      arrests: 4,
      arrestsUnder18: 1,
      charged: 2,
      safeguardedChildren: 3,
      safeguardedAdults: 2,
      nrmReferrals: 1,
      cuckooedAddressesVisited: 5,
      lines: {
        identified: 0,
        disrupted: 1,
        closedType1: 0,
        closedType2: 0,
        ddtroApplied: 0,
        ddtroGranted: 0,
      },
    });
    expect(b.forces[GREATER_MANCHESTER]).toMatchObject({
      cashPence: 31_264_900,
      phones: 7,
      weapons: { firearm: 1, bladed: 3, other: 0 },
    });
    expect(b.forces[GREATER_MANCHESTER].drugs.crack).toEqual({
      grams: 12.35,
      plants: 0,
      valuePence: 50_000,
    });
    expect(b.forces[GREATER_MANCHESTER].drugs.cannabis).toEqual({
      grams: 0,
      plants: 40,
      valuePence: 0,
    });
    expect(b.forces.BTP.lines).toMatchObject({ closedType1: 1, ddtroApplied: 2, ddtroGranted: 1 });

    // North Wales sits in the North West region; BTP counts nationally but in no region.
    expect(b.regions['north-west']).toMatchObject({
      arrests: 5,
      cashPence: 31_264_900,
      safeguardedChildren: 3,
    });
    expect(b.regions['north-west'].lines).toMatchObject({ closedType1: 0, disrupted: 1 });
    expect(b.regions.london).toMatchObject({ arrests: 2, arrestsUnder18: 2 });
    expect(b.national).toMatchObject({
      arrests: 7,
      arrestsUnder18: 3,
      charged: 2,
      cashPence: 31_264_900,
      phones: 7,
    });
    expect(b.national.lines).toEqual({
      identified: 0,
      disrupted: 1,
      closedType1: 1,
      closedType2: 0,
      ddtroApplied: 2,
      ddtroGranted: 1,
    });
    const regionArrests = Object.values(b.regions).reduce((n: number, t: any) => n + t.arrests, 0);
    expect(regionArrests).toBe(7);
  });

  it('keeps other operations apart', async () => {
    const other = await createActiveWeek('Another week');
    await report(other.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 9 });
    const b = await boardAfter(other.id, 1);
    expect(b.national.arrests).toBe(9);
    expect((await board(op.id)).national.arrests).toBe(7);
  });
});
