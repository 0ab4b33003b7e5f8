import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import {
  freshSubject,
  handoffBody,
  handoffHourMs,
  LEICESTERSHIRE,
  MET,
  raiseHandoff,
  raised,
  readHandoff,
  tokenOf,
} from '../support/handoffs';
import { createActiveWeek } from '../support/scenario';

const fieldsOf = (body: { errors: { field: string }[] }) =>
  [...new Set(body.errors.map((e) => e.field))].sort();

describe('safeguarding: raising a hand-off through the public API', () => {
  let weekId: string;

  beforeAll(async () => {
    weekId = (await createActiveWeek('Hand-offs raise week')).id;
  });

  it('raises a child found away from home: 201 with the whole hand-off, its deadline 24 hours on', async () => {
    const body = handoffBody({
      operationId: weekId,
      ageGroup: 'child',
      concerns: ['criminal-exploitation'],
      foundAt: new Date(Date.now() - 500).toISOString(),
      note: 'found in a trap house with two phones',
    });
    const res = await raiseHandoff(body);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const h = res.body;
    expect(h).toMatchObject({
      operationId: weekId,
      status: 'raised',
      foundForce: LEICESTERSHIRE,
      homeForce: MET,
      subjectRef: body.subjectRef,
      ageGroup: 'child',
      concerns: ['criminal-exploitation'],
      overdue: false,
      escalatedAt: null,
      owner: null,
      outcome: null,
      previousHandoffs: [],
    });
    expect(Date.parse(h.foundAt)).toBe(Date.parse(body.foundAt as string));
    expect(Date.parse(h.acknowledgeBy) - Date.parse(h.foundAt)).toBe(24 * handoffHourMs());
    expect(h.history).toEqual([
      expect.objectContaining({
        action: 'raise',
        by: expect.objectContaining({ sub: 'sg-leicestershire', role: 'force' }),
      }),
    ]);
  });

  it('gives an adult 72 hours', async () => {
    const h = await raised({ ageGroup: 'adult' });
    expect(Date.parse(h.acknowledgeBy) - Date.parse(h.foundAt)).toBe(72 * handoffHourMs());
  });

  it('answers a replay with the same hand-off (200) and another body under the key with 409', async () => {
    const key = randomUUID();
    const body = handoffBody({ operationId: weekId });
    const first = await raiseHandoff(body, { key });
    expect(first.status).toBe(201);
    const again = await raiseHandoff(body, { key });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await raiseHandoff({ ...body, ageGroup: 'child' }, { key });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    const listed = await api('GET', `/api/v1/handoffs?operationId=${weekId}&limit=500`, {
      token: await tokenOf('nclcc'),
    });
    const subjects = listed.body.items.map((i: { subjectRef: string }) => i.subjectRef);
    expect(subjects.filter((s: string) => s === body.subjectRef)).toHaveLength(1);
  });

  it('lists earlier hand-offs of the same subject, newest first', async () => {
    const subjectRef = freshSubject();
    const first = await raised({ subjectRef });
    const second = await raised({ subjectRef });
    const third = await raised({ subjectRef, foundForce: 'E23000018' }, await tokenOf('nclcc'));
    expect(first.previousHandoffs).toEqual([]);
    expect(second.previousHandoffs).toEqual([first.id]);
    expect(third.previousHandoffs).toEqual([second.id, first.id]);
    expect((await readHandoff(third.id)).body.previousHandoffs).toEqual([second.id, first.id]);
  });

  describe('refuses with 400 naming the field', () => {
    const future = () => new Date(Date.now() + 3_600_000).toISOString();
    it.each([
      ['homeForce equal to foundForce', { homeForce: LEICESTERSHIRE }, ['homeForce']],
      ['foundAt in the future', { foundAt: future() }, ['foundAt']],
      ['foundAt that is no date-time', { foundAt: 'yesterday' }, ['foundAt']],
      ['a subjectRef that reads as a date', { subjectRef: 'SG-03-04-2011' }, ['subjectRef']],
      ['a subjectRef of 8 digits', { subjectRef: 'LEI-20110403' }, ['subjectRef']],
      ['a subjectRef that reads as a name', { subjectRef: 'JACK-SMITH-1' }, ['subjectRef']],
      ['a subjectRef written as a name', { subjectRef: 'Jack Smith' }, ['subjectRef']],
      ['a note with a phone number', { note: 'aunt on 07700 900123' }, ['note']],
      ['a note with an e-mail address', { note: 'school: head@school.example.org' }, ['note']],
      ['a note with a name', { note: 'Mrs Patel collected her' }, ['note']],
      ['an unknown age group', { ageGroup: 'teen' }, ['ageGroup']],
      ['repeated concerns', { concerns: ['missing', 'missing'] }, ['concerns']],
      ['no concerns', { concerns: [] }, ['concerns']],
      ['an unknown concern', { concerns: ['gangs'] }, ['concerns.0']],
      ['an unknown force', { homeForce: 'E23000099' }, ['homeForce']],
      ['an operationId that is no UUID', { operationId: 'week-1' }, ['operationId']],
      ['an unknown field', { name: 'x' }, ['name']],
    ])('%s', async (_what, change, fields) => {
      const res = await raiseHandoff(handoffBody(change));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(fieldsOf(res.body)).toEqual(fields);
    });

    it('names every bad field at once, the missing Idempotency-Key among them', async () => {
      const body = handoffBody({ ageGroup: 'teen', note: 'call 07700 900123', colour: 'red' });
      delete body.subjectRef;
      const res = await raiseHandoff(body, { key: null });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([
        'Idempotency-Key',
        'ageGroup',
        'colour',
        'note',
        'subjectRef',
      ]);
    });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await api('POST', '/api/v1/handoffs', {
      token: await tokenOf('foundForce'),
      raw: 'foundForce=E23000021',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'k' },
      purpose: null,
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('checks the week: unknown 404, closed 409 operation_closed', async () => {
    const unknown = await raiseHandoff(handoffBody({ operationId: randomUUID() }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    const closing = await createActiveWeek('Hand-offs closed week');
    const close = await api('POST', `/api/v1/operations/${closing.id}/close`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(close.status).toBe(200);
    const closed = await raiseHandoff(handoffBody({ operationId: closing.id }));
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('operation_closed');
  });

  it('raises without a week, counted on no board', async () => {
    const h = await raised({});
    expect(h.operationId).toBeNull();
  });
});
