import {
  focusLineResults,
  FocusResultsInput,
  forceScores,
  LineOutcome,
  LineVersion,
  registerLineId,
  statusAt,
} from './focus-line-results';

/** Register line ids are UUIDs; the last digits tell focus lines (F) from holders' lines (H). */
const uuidEnding = (tail: string) => `00000000-0000-4000-8000-${tail.padStart(12, '0')}`;
const [F1, F2, H1, H2] = ['1', '2', 'a1', 'a2'].map(uuidEnding);
const START = '2026-03-02T00:00:00.000Z';
const END = '2026-03-08T23:59:59.000Z';

const v = (
  lineId: string,
  seq: number,
  at: string,
  status: LineVersion['status'],
  closureType: LineVersion['closureType'] = null,
): LineVersion => ({
  lineId,
  seq,
  at,
  brand: `B-${lineId.slice(-2)}`,
  status,
  closureType,
});
const line = (lineId: string, force: string, action: LineOutcome['action']): LineOutcome => ({
  lineId,
  force,
  type: 'line',
  action,
  ddtroApplied: 0,
  ddtroGranted: 0,
});

function input(over: Partial<FocusResultsInput> = {}): FocusResultsInput {
  return {
    operationId: 'op',
    asOf: END,
    startsAt: START,
    endsAt: END,
    focus: [
      { lineId: F1, exportingForce: 'E23000001', importingForces: ['E23000010'] },
      { lineId: F2, exportingForce: 'E23000005', importingForces: [] },
    ],
    network: [
      { lineId: F1, holderCount: 2, otherLineIds: [H1, H2, F2] },
      { lineId: F2, holderCount: 1, otherLineIds: [F1] },
    ],
    history: [
      v(F1, 1, '2026-02-01T00:00:00Z', 'active'),
      v(F1, 2, '2026-03-04T10:00:00Z', 'closed', 'type1'),
      v(F2, 1, '2026-02-01T00:00:00Z', 'dormant'),
      v(H1, 1, '2026-02-01T00:00:00Z', 'active'),
      // Closed after the week: not a closure of the week.
      v(H2, 1, '2026-02-01T00:00:00Z', 'active'),
      v(H2, 2, '2026-03-10T00:00:00Z', 'closed', 'type2'),
    ],
    outcomes: [
      line(F1, 'E23000001', 'closed-type1'),
      line(F1, 'E23000010', 'disrupted'),
      line(F2, 'E23000005', 'identified'),
      { ...line(F2, 'E23000005', null), type: 'arrest' },
      { ...line(F1, 'E23000001', 'identified'), ddtroApplied: 2, ddtroGranted: 1 },
      line(H1, 'E23000010', 'disrupted'),
    ],
    taskings: [
      { taskingId: 't2', lineId: F1, force: 'E23000010', status: 'completed', overdue: false },
      { taskingId: 't1', lineId: F1, force: 'E23000001', status: 'in-progress', overdue: true },
    ],
    ddtros: [
      {
        lineId: F1,
        appliedAt: '2026-03-02T09:00:00Z',
        grantedAt: '2026-03-02T12:00:00Z',
        actionedAt: '2026-03-03T09:00:00Z',
      },
      {
        lineId: F1,
        appliedAt: '2026-02-20T09:00:00Z',
        grantedAt: '2026-02-21T09:00:00Z',
        actionedAt: '2026-03-09T09:00:00Z',
      },
    ],
    ...over,
  };
}

describe('focus-line results', () => {
  it('reads a line status as of a moment from its versions', () => {
    const versions = input().history.filter((h) => h.lineId === F1);
    expect(statusAt(versions, START)).toEqual({ status: 'active', closureType: null });
    expect(statusAt(versions, END)).toEqual({ status: 'closed', closureType: 'type1' });
    expect(statusAt(versions, '2026-01-01T00:00:00Z')).toBeNull();
    expect(statusAt([...versions].reverse(), null)).toEqual({
      status: 'closed',
      closureType: 'type1',
    });
  });

  it('gives each focus line its taskings, outcomes, statuses, cut-offs and holders', () => {
    const [f1, f2] = focusLineResults(input()).focusLines;
    expect(f1).toMatchObject({
      brand: 'B-01',
      statusAtStart: { status: 'active', closureType: null },
      statusNow: { status: 'closed', closureType: 'type1' },
      closedDuringWeek: true,
      disrupted: true,
      closed: true,
      numbersCutOff: 1,
      ddtros: { applied: 1, granted: 1, providerActioned: 1 },
      holders: { count: 2, otherLines: 3, otherLinesDisrupted: 1, otherLinesClosed: 0 },
    });
    expect(f1.taskings).toEqual({
      total: 2,
      byStatus: {
        issued: 0,
        acknowledged: 0,
        'in-progress': 1,
        completed: 1,
        declined: 0,
        cancelled: 0,
      },
      overdue: 1,
      items: [
        { id: 't1', force: 'E23000001', status: 'in-progress', overdue: true },
        { id: 't2', force: 'E23000010', status: 'completed', overdue: false },
      ],
    });
    expect(f1.outcomes).toEqual({
      count: 3,
      byType: { arrest: 0, seizure: 0, safeguarding: 0, line: 3 },
      byAction: { identified: 1, disrupted: 1, closedType1: 1, closedType2: 0 },
      ddtroApplied: 2,
      ddtroGranted: 1,
    });
    expect(f2).toMatchObject({
      statusAtStart: { status: 'dormant' },
      closedDuringWeek: false,
      disrupted: false,
      numbersCutOff: 0,
      // F1, another focus line, shares F2's holder and was closed.
      holders: { count: 1, otherLines: 1, otherLinesDisrupted: 1, otherLinesClosed: 1 },
    });
    expect(f2.outcomes!.byType).toEqual({ arrest: 1, seizure: 0, safeguarding: 0, line: 1 });
  });

  it('totals the focus lines and the holders’ other lines that are not focus lines', () => {
    expect(focusLineResults(input()).totals).toEqual({
      focusLines: 2,
      disrupted: 1,
      closed: 1,
      closedDuringWeek: 1,
      taskings: 2,
      taskingsCompleted: 1,
      outcomes: 5,
      numbersCutOff: 1,
      holderLines: 2,
      holderLinesDisrupted: 1,
      holderLinesClosed: 0,
    });
  });

  it('ranks forces by the distinct lines they disrupted, not by how many outcomes', () => {
    const outcomes = [
      ...input().outcomes,
      line(F1, 'E23000001', 'disrupted'),
      line(F1, 'E23000001', 'disrupted'),
      line(H2, 'E23000044', 'identified'),
    ];
    expect(forceScores(outcomes, new Set([F1, F2]), new Set([H1, H2]))).toEqual([
      {
        force: 'E23000001',
        focusLinesDisrupted: 1,
        focusLinesClosed: 1,
        holderLinesDisrupted: 0,
        score: 3,
      },
      {
        force: 'E23000010',
        focusLinesDisrupted: 1,
        focusLinesClosed: 0,
        holderLinesDisrupted: 1,
        score: 3,
      },
    ]);
  });

  it('answers the same whatever order the rows come in', () => {
    const a = input();
    const b = input({
      history: [...a.history].reverse(),
      outcomes: [...a.outcomes].reverse(),
      taskings: [...a.taskings].reverse(),
      ddtros: [...a.ddtros].reverse(),
    });
    expect(focusLineResults(b)).toEqual(focusLineResults(a));
  });

  it('reads only register ids as lines', () => {
    expect(registerLineId('L-123')).toBeNull();
    expect(registerLineId(undefined)).toBeNull();
    expect(registerLineId(F1.toUpperCase())).toBe(F1);
  });
});
