import { validateEvent } from '../registry';

const id = '3f1c1c4e-8f5e-4a57-9a51-2a0f7c4d9b10';
const at = '2026-10-06T10:00:00.000Z';
const arrest = { type: 'arrest', force: 'BTP', occurredAt: at, count: 1 };
const tasking = {
  operationId: id,
  taskingId: id,
  seq: 2,
  force: 'BTP',
  status: 'declined',
  overdue: false,
  priority: 'P2',
  dueAt: at,
  previous: { force: 'BTP', status: 'issued', overdue: false },
};
const ddtro = { ddtroId: id, lineId: id, batchId: id, seq: 2, status: 'refused', at };

const event = (type: string, version: number, payload: object) => ({
  id,
  type,
  version,
  aggregateId: id,
  occurredAt: at,
  recordedAt: at,
  actor: { sub: 's', role: 'nclcc' },
  correlationId: 'c',
  payload,
});

/** Each event that used to carry free text: its v1 payload with text, its v2 payload without. */
const CASES: [string, object, object][] = [
  [
    'outcome.recorded',
    {
      outcomeId: id,
      operationId: id,
      version: 1,
      current: { ...arrest, note: 'x' },
      previous: null,
    },
    { outcomeId: id, operationId: id, version: 1, current: arrest, previous: null },
  ],
  [
    'outcome.retracted',
    { outcomeId: id, operationId: id, version: 1, previous: { ...arrest, note: 'x' }, reason: 'x' },
    { outcomeId: id, operationId: id, version: 1, previous: arrest },
  ],
  ['operation.reopened', { operationId: id, reason: 'x' }, { operationId: id }],
  ['tasking.acknowledged', { ...tasking, note: 'x' }, tasking],
  ['tasking.started', { ...tasking, note: 'x' }, tasking],
  ['tasking.completed', { ...tasking, note: 'x', outcomeIds: [] }, { ...tasking, outcomeIds: [] }],
  ['tasking.declined', { ...tasking, reason: 'x' }, tasking],
  ['tasking.cancelled', { ...tasking, reason: 'x' }, tasking],
  [
    'tasking.reassigned',
    { ...tasking, issueSeq: 2, issuedAt: at, acknowledgeWithinMinutes: 60, reason: 'x' },
    { ...tasking, issueSeq: 2, issuedAt: at, acknowledgeWithinMinutes: 60 },
  ],
  ['ddtro.refused', { ...ddtro, reason: 'x' }, ddtro],
];

describe('free text off the event log', () => {
  it.each(CASES)('%s: v1 with text still replays, v2 carries none', (type, v1, v2) => {
    expect(validateEvent(event(type, 1, v1))).toEqual([]);
    expect(validateEvent(event(type, 2, v2))).toEqual([]);
    expect(validateEvent(event(type, 2, v1)).length).toBeGreaterThan(0);
  });
});

describe('deconfliction steps: codes and ids from the first version', () => {
  const step = { alertId: id, seq: 3, status: 'resolved', region: 'london' };

  it.each(['deconfliction.acknowledged', 'deconfliction.resolved', 'deconfliction.handed'])(
    '%s carries no note',
    (type) => {
      expect(validateEvent(event(type, 1, step))).toEqual([]);
      expect(validateEvent(event(type, 1, { ...step, region: null }))).toEqual([]);
      expect(validateEvent(event(type, 1, { ...step, note: 'agreed with the Met' }))).not.toEqual(
        [],
      );
      expect(validateEvent(event(type, 1, { ...step, region: 'Gotham' }))).not.toEqual([]);
    },
  );
});
