import { TASKING_EVENT_SCHEMAS } from '../../events/v1/tasking-events';
import { compile } from '../../validation';
import { validateIssueTaskings, validateTaskingListQuery, validateTransition } from './tasking';

const one = {
  force: 'E23000004',
  action: ' Arrest the line holder ',
  priority: 'P1',
  dueAt: '2026-10-08T12:00:00+01:00',
};

describe('tasking contract', () => {
  it('fills defaults and normalizes times, so equal requests hash equally', () => {
    const r = validateIssueTaskings(one);
    expect(r).toEqual({
      ok: true,
      value: {
        bulk: false,
        taskings: [
          {
            force: 'E23000004',
            action: 'Arrest the line holder',
            priority: 'P1',
            dueAt: '2026-10-08T11:00:00.000Z',
            acknowledgeWithinMinutes: 240,
          },
        ],
      },
    });
  });

  it('names the item of a bulk request in dotted field paths', () => {
    const r = validateIssueTaskings({ taskings: [one, { ...one, priority: 'P4', extra: 1 }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      { field: 'taskings.1.extra', message: 'is not a known field' },
      { field: 'taskings.1.priority', message: 'must be one of: P1, P2, P3' },
    ]);
    expect(validateIssueTaskings({ taskings: [] }).ok).toBe(false);
  });

  it('requires a reason to decline and a force to reassign', () => {
    expect(validateTransition('decline', {})).toEqual({
      ok: false,
      errors: [{ field: 'reason', message: 'is required' }],
    });
    expect(validateTransition('reassign', { reason: 'x' }).ok).toBe(false);
    expect(validateTransition('acknowledge', undefined)).toEqual({ ok: true, value: {} });
  });

  it('checks list query parameters by name and value', () => {
    expect(validateTaskingListQuery({ status: 'in-progress', limit: '500' }).ok).toBe(true);
    const bad = validateTaskingListQuery({ status: 'lost', limit: '501', colour: 'red' });
    expect(!bad.ok && bad.errors.map((e) => e.field).sort()).toEqual(['colour', 'limit', 'status']);
  });

  it('has an event schema per tasking event type that compiles under strict Ajv', () => {
    expect(TASKING_EVENT_SCHEMAS).toHaveLength(10);
    for (const [, schema] of TASKING_EVENT_SCHEMAS) expect(typeof compile(schema)).toBe('function');
  });
});
