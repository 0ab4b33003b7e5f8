import { holderRefError, validateHandoffAction, validateRaiseHandoff } from '@intensify/contracts';
import { ownerRef } from './play-handoff';
import { Random } from './random';
import { planWeekHandoffs, REDIRECT_REASON, subjectRef, tagOf } from './week-handoffs';
import { planWeekOutcomes } from './week-outcomes';

const MET = 'E23000001';
const WEST_MIDLANDS = 'E23000014';
const MERSEYSIDE = 'E23000004';
const GREATER_MANCHESTER = 'E23000005';
const BIG_EXPORTERS = [MET, WEST_MIDLANDS, MERSEYSIDE, GREATER_MANCHESTER];
const foundAt = '2026-11-20T10:00:00.000Z';

function plan(seed: number, scale = 1) {
  const outcomes = planWeekOutcomes(new Random(seed), scale);
  return { outcomes, handoffs: planWeekHandoffs(new Random(seed), outcomes, 'KQBA') };
}

describe('the demo week’s hand-offs', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(plan(7).handoffs).toEqual(plan(7).handoffs);
    expect(plan(8).handoffs).not.toEqual(plan(7).handoffs);
  });

  it('follow safeguarding results of county forces, at some 70 a published week', () => {
    const { outcomes, handoffs } = plan(3);
    expect(handoffs.length).toBeGreaterThan(40);
    expect(handoffs.length).toBeLessThan(110);
    for (const h of handoffs) {
      const found = outcomes[h.outcomeIndex].body;
      expect(found.type).toBe('safeguarding');
      expect(found.force).toBe(h.foundForce);
      expect(BIG_EXPORTERS).not.toContain(h.foundForce);
      expect(h.homeForce).not.toBe(h.foundForce);
      expect(h.redirectTo).not.toBe(h.foundForce);
      if (h.ageGroup === 'child') expect(found.children).toBeGreaterThan(0);
      else expect(found.adults).toBeGreaterThan(0);
    }
  });

  it('find mostly children, mostly from the big exporting forces', () => {
    const { handoffs } = plan(3);
    const children = handoffs.filter((h) => h.ageGroup === 'child').length;
    expect(children / handoffs.length).toBeGreaterThan(0.7);
    expect(children).toBeLessThan(handoffs.length);
    const home = (h: (typeof handoffs)[number]) => h.redirectTo ?? h.homeForce;
    const fromExporters = handoffs.filter((h) => BIG_EXPORTERS.includes(home(h))).length;
    expect(fromExporters / handoffs.length).toBeGreaterThan(0.5);
  });

  it('are mostly acknowledged in time and closed; a few late, redirected or ignored', () => {
    const { handoffs } = plan(5);
    const share = (fate: string) =>
      handoffs.filter((h) => h.fate === fate).length / handoffs.length;
    expect(share('closes')).toBeGreaterThan(0.45);
    for (const fate of ['late', 'redirected', 'ignored', 'acknowledges']) {
      expect(share(fate)).toBeGreaterThan(0);
      expect(share(fate)).toBeLessThan(0.25);
    }
    for (const h of handoffs) {
      // Late means after the deadline; in time leaves a margin before it.
      if (h.fate === 'late') expect(h.acknowledgeAfter).toBeGreaterThan(1.1);
      else expect(h.acknowledgeAfter).toBeLessThan(0.7);
      if (h.fate === 'late') expect(h.ageGroup).toBe('child');
      expect(Boolean(h.redirectTo)).toBe(h.fate === 'redirected');
    }
  });

  it('sends only what the API accepts: pseudonymous references, no personal data', () => {
    const { handoffs } = plan(5);
    for (const [n, h] of handoffs.entries()) {
      const raised = validateRaiseHandoff({
        foundForce: h.foundForce,
        homeForce: h.homeForce,
        subjectRef: h.subjectRef,
        ageGroup: h.ageGroup,
        concerns: h.concerns,
        foundAt,
      });
      expect(raised.ok ? [] : raised.errors).toEqual([]);
      const ack = validateHandoffAction('acknowledge', { owner: ownerRef(h.homeForce, n) });
      expect(ack.ok ? [] : ack.errors).toEqual([]);
      const close = validateHandoffAction('close', { outcome: h.outcome });
      expect(close.ok ? [] : close.errors).toEqual([]);
    }
    const redirect = validateHandoffAction('redirect', { homeForce: MET, reason: REDIRECT_REASON });
    expect(redirect.ok ? [] : redirect.errors).toEqual([]);
  });

  it('finds a few subjects again, under the same reference, never at home', () => {
    const { handoffs } = plan(3);
    const byRef = new Map<string, typeof handoffs>();
    for (const h of handoffs) byRef.set(h.subjectRef, [...(byRef.get(h.subjectRef) ?? []), h]);
    const again = [...byRef.values()].filter((l) => l.length > 1);
    expect(again.length).toBeGreaterThan(0);
    expect(again.length).toBeLessThan(handoffs.length / 5);
  });

  it('gives each week its own references that never read as a date', () => {
    const tag = tagOf('12345678-0000-4000-8000-000000000000');
    expect(tag).toMatch(/^[A-P]{4}$/);
    expect(tagOf('7f1c0c7e-0000-4000-8000-000000000000')).not.toBe(tag);
    const ref = subjectRef('E23000021', tag, 20261);
    expect(ref).toBe(`LEI-SG-${tag}-20261`);
    expect(holderRefError(ref)).toBeNull();
  });
});
