import * as ts from 'typescript';
import {
  AGE_GROUPS,
  HANDOFF_CONCERNS,
  HANDOFF_NOTE_MAX,
  validateRaiseHandoff,
} from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { HANDOFF_LISTS_MODULE } from './handoff-lists';

/** What a browser imports from a module the gateway writes (read here as CommonJS). */
function exportsOf(source: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exported: Record<string, unknown> = {};
  new Function('exports', outputText)(exported);
  return exported;
}

// The page imports its lists from the module the gateway serves; here it gets that same module.
jest.mock(
  '../../public/safeguarding/handoff-lists.js',
  () =>
    exportsOf(
      jest.requireActual<typeof import('./handoff-lists')>('./handoff-lists').HANDOFF_LISTS_MODULE,
    ),
  { virtual: true },
);
// @ts-expect-error -- a browser ES module of the safeguarding page, without type declarations
import * as raise from '../../public/safeguarding/raise-model.js';
// @ts-expect-error -- a browser ES module of the reporting page, without type declarations
import { handoffLink } from '../../public/report/handoff-link.js';

const MET = 'E23000001';
const LEICESTERSHIRE = 'E23000021';
const OPERATION = '7f1c0c7e-3a51-4c1e-9a55-0f3c2b1d9e01';
const OUTCOME = '0b6f4f7a-2d9e-4b8e-8f51-6c1d2e3f4a5b';
const now = Date.parse('2026-11-21T12:00:00.000Z');
/** The form's local time is UTC in these tests. */
const toIso = (local: string) => (local ? `${local}:00.000Z` : null);

const filled = {
  operationId: OPERATION,
  foundForce: LEICESTERSHIRE,
  homeForce: MET,
  subjectRef: 'lei-sg-00123',
  ageGroup: 'child',
  concerns: ['missing', 'criminal-exploitation'],
  foundAt: '2026-11-21T03:15',
  safeguardingOutcomeId: '',
  note: '  Found at a railway station with a deal phone  ',
};

describe('the raise form', () => {
  it('offers exactly the contract’s concerns and age groups, with its limits', () => {
    expect(exportsOf(HANDOFF_LISTS_MODULE)).toEqual({
      CONCERNS: [...HANDOFF_CONCERNS],
      AGE_GROUPS: [...AGE_GROUPS],
      NOTE_MAX: HANDOFF_NOTE_MAX,
    });
    expect(raise.CONCERNS).toEqual([...HANDOFF_CONCERNS]);
    expect(raise.AGE_GROUPS).toEqual([...AGE_GROUPS]);
    expect(raise.NOTE_MAX).toBe(HANDOFF_NOTE_MAX);
  });

  it('makes a body the contract accepts, in the contract’s order of concerns', () => {
    const { body, errors } = raise.readRaise(filled, now, toIso);
    expect(errors).toEqual([]);
    expect(body).toEqual({
      operationId: OPERATION,
      foundForce: LEICESTERSHIRE,
      homeForce: MET,
      subjectRef: 'LEI-SG-00123',
      ageGroup: 'child',
      concerns: ['criminal-exploitation', 'missing'],
      foundAt: '2026-11-21T03:15:00.000Z',
      note: 'Found at a railway station with a deal phone',
    });
    expect(validateRaiseHandoff(body).ok).toBe(true);
  });

  it('names every field it cannot send, by the API’s field names', () => {
    const { errors } = raise.readRaise(
      {
        foundForce: MET,
        homeForce: MET,
        subjectRef: 'Jane Doe',
        ageGroup: '',
        concerns: [],
        foundAt: '2026-11-21T12:05',
        safeguardingOutcomeId: 'not-a-uuid',
        note: 'x'.repeat(1001),
      },
      now,
      toIso,
    );
    expect(errors.map((e: { field: string }) => e.field)).toEqual([
      'homeForce',
      'subjectRef',
      'ageGroup',
      'concerns',
      'foundAt',
      'safeguardingOutcomeId',
      'note',
    ]);
    const missing = raise.readRaise({ concerns: ['other'] }, now, toIso).errors;
    expect(missing.map((e: { field: string }) => e.field)).toEqual([
      'foundForce',
      'homeForce',
      'subjectRef',
      'ageGroup',
      'foundAt',
    ]);
  });

  it('refuses a reference that is not pseudonymous, as the API does', () => {
    for (const bad of ['JANE', 'LH 0042', 'ab', `LH-${'1'.repeat(40)}`])
      expect(raise.referenceError(bad, 'subject reference')).toMatch(/pseudonymous/);
    expect(raise.referenceError('', 'owner reference')).toBe('Enter the owner reference');
    expect(raise.referenceError('MET-DS-0042', 'owner reference')).toBeNull();
  });

  it('puts a server error about one concern on the concerns box', () => {
    expect(
      raise.onFormFields([
        { field: 'concerns.1', message: 'must be one of …' },
        { field: 'note', message: 'must not hold a phone number' },
      ]),
    ).toEqual([
      { field: 'concerns', message: 'must be one of …' },
      { field: 'note', message: 'must not hold a phone number' },
    ]);
  });

  it('reuses a key only for the same body sent again', () => {
    let made = 0;
    const newKey = () => `key-${++made}`;
    const first = raise.keyFor(null, { a: 1 }, newKey);
    expect(raise.keyFor(first, { a: 1 }, newKey)).toBe(first);
    const second = raise.keyFor(first, { a: 2 }, newKey);
    expect(second.key).toBe('key-2');
  });
});

describe('a hand-off offered from the reporting page', () => {
  const safeguarding = {
    type: 'safeguarding',
    force: LEICESTERSHIRE,
    occurredAt: '2026-11-21T03:15:00+00:00',
    children: 1,
    adults: 0,
    nrmReferrals: 1,
    cuckooedAddressesVisited: 0,
  };

  it('links to the raise form pre-filled with the week, force, time, age group and outcome', () => {
    const link = handoffLink(safeguarding, OUTCOME, OPERATION);
    expect(link).toMatch(/^\/safeguarding\?/);
    const { open, values } = raise.prefillFromQuery(link.split('?')[1], FORCE_CODES);
    expect(open).toBe(true);
    expect(values).toEqual({
      operationId: OPERATION,
      foundForce: LEICESTERSHIRE,
      foundAt: '2026-11-21T03:15:00+00:00',
      ageGroup: 'child',
      safeguardingOutcomeId: OUTCOME,
    });
    const adults = handoffLink({ ...safeguarding, children: 0, adults: 2 }, OUTCOME, OPERATION);
    expect(raise.prefillFromQuery(adults.split('?')[1], FORCE_CODES).values.ageGroup).toBe('adult');
  });

  it('is not offered for other results, nor for a visit with nobody safeguarded', () => {
    expect(handoffLink({ type: 'arrest', force: MET, count: 1 }, OUTCOME, OPERATION)).toBeNull();
    expect(handoffLink({ ...safeguarding, children: 0, adults: 0 }, OUTCOME, OPERATION)).toBeNull();
  });

  it('keeps from an address only what could be valid, and opens the form only when asked', () => {
    const { open, values } = raise.prefillFromQuery(
      '?foundForce=XX&operationId=1%27%3B&ageGroup=elder&foundAt=yesterday&safeguardingOutcomeId=x',
      FORCE_CODES,
    );
    expect(values).toEqual({});
    expect(open).toBe(false);
    expect(raise.prefillFromQuery('?raise=1', FORCE_CODES)).toEqual({ open: true, values: {} });
    expect(raise.prefillFromQuery('', FORCE_CODES).open).toBe(false);
  });
});
