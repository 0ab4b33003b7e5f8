import { validateEvent } from '../registry';

const id = '3f1c1c4e-8f5e-4a57-9a51-2a0f7c4d9b10';
const at = '2026-10-06T10:00:00.000Z';
const event = (type: string, payload: object) => ({
  id,
  type,
  version: 1,
  aggregateId: id,
  occurredAt: at,
  recordedAt: at,
  actor: { sub: 's', role: 'nclcc' },
  correlationId: 'c',
  payload,
});

describe('deconfliction step events', () => {
  const step = { alertId: id, seq: 3, status: 'resolved', region: 'london' };

  it.each(['deconfliction.acknowledged', 'deconfliction.resolved', 'deconfliction.handed'])(
    '%s carries codes and ids, never a note',
    (type) => {
      expect(validateEvent(event(type, step))).toEqual([]);
      expect(validateEvent(event(type, { ...step, region: null }))).toEqual([]);
      expect(validateEvent(event(type, { ...step, note: 'agreed with the Met' }))).not.toEqual([]);
      expect(validateEvent(event(type, { ...step, region: 'Gotham' }))).not.toEqual([]);
    },
  );
});
