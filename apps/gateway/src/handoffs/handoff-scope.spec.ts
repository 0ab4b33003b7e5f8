import { request as expressRequest } from 'express';
import { ProblemError } from '@intensify/problems';
import { checkHandoffId, checkWrite, requireJsonBody } from './handoff-request';
import { handoffPage, mayRead, safeguardingAuditEntries, scopeHandoffs } from './handoff-scope';

const LEICESTERSHIRE = 'E23000021';
const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';

const handoff = (id: string, foundForce: string, homeForce: string, extra: object = {}) => ({
  id,
  foundForce,
  homeForce,
  subjectRef: `SG-${id}`,
  previousHandoffs: [] as string[],
  ...extra,
});

describe('hand-off scope at the gateway', () => {
  const items = [
    handoff('1', LEICESTERSHIRE, MET),
    handoff('2', MERSEYSIDE, LEICESTERSHIRE),
    handoff('3', MERSEYSIDE, 'BTP'),
  ];
  const ids = (p: Parameters<typeof scopeHandoffs>[1]) => scopeHandoffs(items, p).map((h) => h.id);

  it('keeps to each viewer what it found or owns, or what its region concerns', () => {
    expect(ids({ sub: 'f', role: 'force', force: LEICESTERSHIRE })).toEqual(['1', '2']);
    expect(ids({ sub: 'f', role: 'force', force: MET })).toEqual(['1']);
    expect(ids({ sub: 'b', role: 'force', force: 'BTP' })).toEqual(['3']);
    expect(ids({ sub: 'r', role: 'regional', region: 'north-west' })).toEqual(['2', '3']);
    expect(ids({ sub: 'n', role: 'nclcc' })).toEqual(['1', '2', '3']);
    expect(ids({ sub: 'c', role: 'commander' })).toEqual([]);
    expect(mayRead({ sub: 'r', role: 'regional', region: 'london' }, items[1])).toBe(false);
  });
});

describe('what hand-off answers disclose', () => {
  it('names each hand-off, the earlier ones it lists and each subject once', () => {
    const page = {
      items: [
        handoff('a', LEICESTERSHIRE, MET, { subjectRef: 'SG-1', previousHandoffs: ['b'] }),
        handoff('b', LEICESTERSHIRE, MET, { subjectRef: 'SG-1' }),
        handoff('c', LEICESTERSHIRE, MET, { subjectRef: null }),
      ],
    };
    expect(handoffPage(page)).toEqual({ resourceIds: ['a', 'b', 'c'], subjectRefs: ['SG-1'] });
  });

  it('takes the subject an audit entry names', () => {
    const entries = { items: [{ id: 'e1', details: { subjectRef: 'SG-9' } }, { id: 'e2' }] };
    expect(safeguardingAuditEntries(entries)).toEqual({
      resourceIds: ['e1', 'e2'],
      subjectRefs: ['SG-9'],
    });
  });
});

describe('hand-off writes', () => {
  it('names a missing key and every bad field of the body in one 400', () => {
    const bad = { ok: false as const, errors: [{ field: 'owner', message: 'is required' }] };
    expect(() => checkWrite(undefined, bad)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        errors: [
          { field: 'Idempotency-Key', message: 'is required' },
          { field: 'owner', message: 'is required' },
        ],
      }),
    );
    expect(checkWrite('k-1', { ok: true, value: { owner: 'MET-1' } })).toEqual({
      idempotencyKey: 'k-1',
      value: { owner: 'MET-1' },
    });
  });

  it('answers 404 for an id that cannot name a hand-off', () => {
    expect(() => checkHandoffId('../taskings')).toThrow(ProblemError);
    const id = '6f1c2a4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
    expect(checkHandoffId(id)).toBe(id);
  });
});

describe('hand-off bodies', () => {
  const req = (headers: Record<string, string>) =>
    Object.assign(Object.create(expressRequest), { headers }) as never;

  it('refuses a body that is not JSON with 415, and lets JSON or no body through', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' };
    expect(() => requireJsonBody(req(form))).toThrow(
      expect.objectContaining({ code: 'unsupported_media_type' }),
    );
    expect(() =>
      requireJsonBody(req({ 'content-type': 'application/json', 'content-length': '2' })),
    ).not.toThrow();
    expect(() => requireJsonBody(req({ 'content-length': '0' }))).not.toThrow();
  });
});
