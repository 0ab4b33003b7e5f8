import { validateEvent } from '../../events/registry';
import { effectiveFocusForces, validateFocusForceOverride } from './focus-override';

const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';
const CHESHIRE = 'E23000006';

describe('focus force overrides', () => {
  it('applies each standing override to the forces the lines touch', () => {
    expect(
      effectiveFocusForces(
        [MET, MERSEYSIDE],
        [
          { force: MERSEYSIDE, focus: false },
          { force: CHESHIRE, focus: true },
        ],
      ),
    ).toEqual([MET, CHESHIRE].sort());
    expect(effectiveFocusForces([MERSEYSIDE, MET], [])).toEqual([MET, MERSEYSIDE]);
  });

  it('needs a known reason code and a reason free of personal data', () => {
    expect(
      validateFocusForceOverride({ focus: true, reasonCode: 'capacity', reason: ' Mutual aid ' }),
    ).toEqual({ ok: true, value: { focus: true, reasonCode: 'capacity', reason: 'Mutual aid' } });
    const bad = validateFocusForceOverride({ focus: 'yes', reasonCode: 'whim', extra: 1 });
    expect(!bad.ok && [...new Set(bad.errors.map((e) => e.field))].sort()).toEqual([
      'extra',
      'focus',
      'reason',
      'reasonCode',
    ]);
    const personal = validateFocusForceOverride({
      focus: false,
      reasonCode: 'other',
      reason: 'Call 07700 900123 about it',
    });
    expect(!personal.ok && personal.errors.map((e) => e.field)).toEqual(['reason']);
  });

  it('puts reason codes on the event, never the reason', () => {
    const id = '3f1c1c4e-8f5e-4a57-9a51-2a0f7c4d9b10';
    const at = '2026-10-06T10:00:00.000Z';
    const payload = {
      operationId: id,
      seq: 2,
      lineIds: [],
      focusForces: [CHESHIRE],
      lines: [],
      overrides: [{ force: CHESHIRE, focus: true, reasonCode: 'capacity' }],
    };
    const event = (p: object) => ({
      id,
      type: 'operation.focus-lines-set',
      version: 2,
      aggregateId: id,
      occurredAt: at,
      recordedAt: at,
      actor: { sub: 's', role: 'nclcc' },
      correlationId: 'c',
      payload: p,
    });
    expect(validateEvent(event(payload))).toEqual([]);
    const withText = { ...payload.overrides[0], reason: 'x' };
    expect(validateEvent(event({ ...payload, overrides: [withText] })).length).toBeGreaterThan(0);
  });
});
