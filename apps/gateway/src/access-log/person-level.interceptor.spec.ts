import { CallHandler, ExecutionContext } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import { ProblemError } from '@intensify/problems';
import { PRINCIPAL } from '../auth/current-principal.decorator';
import { AccessLogWriter } from './access-log.writer';
import { PERSON_LEVEL, PersonLevel, PersonLevelRoute } from './person-level.decorator';
import { NO_PURPOSE_SENT, PersonLevelInterceptor } from './person-level.interceptor';
import { recordStreamDisclosure } from './stream-disclosure';

function setUp(route: PersonLevelRoute, req: { headers?: object; query?: object }) {
  const headers: Record<string, string> = { ...req.headers };
  const request = {
    method: 'GET',
    path: '/api/v1/things/1',
    route: { path: '/api/v1/things/:id' },
    query: req.query ?? {},
    header: (name: string) => headers[name.toLowerCase()],
    [PRINCIPAL]: { sub: 'u1', role: 'nclcc' },
  };
  const response = { setHeader: jest.fn() };
  const ctx = {
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  function handler() {}
  Reflect.defineMetadata(PERSON_LEVEL, route, handler);
  const writer = {
    write: jest.fn().mockResolvedValue('1'),
    countRows: jest.fn(),
    addDisclosed: jest.fn().mockResolvedValue(undefined),
  };
  const interceptor = new PersonLevelInterceptor(
    new Reflector(),
    writer as unknown as AccessLogWriter,
  );
  const next: CallHandler = { handle: jest.fn(() => of({ id: 'thing-1', holderRefs: ['LH-1'] })) };
  return { interceptor, ctx, next, writer, response, request };
}

describe('PersonLevelInterceptor', () => {
  it('is bound by @PersonLevel to the routes it marks, and to no other', () => {
    class Routes {
      @PersonLevel('line-holders')
      holders() {}

      outcomes() {}
    }
    const bound = (h: () => void) => Reflect.getMetadata(INTERCEPTORS_METADATA, h) ?? [];
    expect(bound(Routes.prototype.holders)).toEqual([PersonLevelInterceptor]);
    expect(Reflect.getMetadata(PERSON_LEVEL, Routes.prototype.holders)).toEqual({
      data: 'line-holders',
    });
    expect(bound(Routes.prototype.outcomes)).toEqual([]);
  });

  const disclosed = (b: { id: string; holderRefs: string[] }) => ({
    resourceIds: [b.id],
    subjectRefs: b.holderRefs,
  });

  it('logs what the answer disclosed, with the purpose, before passing it on', async () => {
    const s = setUp({ data: 'thing', disclosed }, { headers: { 'x-purpose': 'Deconfliction' } });
    const body = await lastValueFrom(s.interceptor.intercept(s.ctx, s.next));
    expect(body).toEqual({ id: 'thing-1', holderRefs: ['LH-1'] });
    expect(s.response.setHeader).toHaveBeenCalledWith('cache-control', 'no-store');
    expect(s.writer.write).toHaveBeenCalledWith(
      expect.objectContaining({
        who: expect.objectContaining({ sub: 'u1', role: 'nclcc' }),
        route: 'GET /api/v1/things/:id',
        purpose: 'Deconfliction',
        resourceIds: ['thing-1'],
        subjectRefs: ['LH-1'],
      }),
    );
  });

  it('refuses without a purpose, naming the header, and never runs the handler', () => {
    const s = setUp({ data: 'thing' }, {});
    expect(() => s.interceptor.intercept(s.ctx, s.next)).toThrow(
      expect.objectContaining({
        code: 'purpose_required',
        errors: [expect.objectContaining({ field: 'X-Purpose' })],
      }),
    );
    expect(s.next.handle).not.toHaveBeenCalled();
  });

  it('discloses nothing when the log cannot be written: the write error is the answer', async () => {
    const s = setUp({ data: 'thing', disclosed }, { headers: { 'x-purpose': 'Audit' } });
    s.writer.write.mockRejectedValue(new ProblemError('service_unavailable', 'not written'));
    await expect(lastValueFrom(s.interceptor.intercept(s.ctx, s.next))).rejects.toMatchObject({
      code: 'service_unavailable',
    });
  });

  it('takes a stream’s purpose from ?purpose= and logs before the stream opens', async () => {
    const s = setUp({ data: 'hand-offs', stream: true }, { query: { purpose: 'Safeguarding' } });
    s.writer.write.mockRejectedValue(new ProblemError('service_unavailable', 'not written'));
    await expect(lastValueFrom(s.interceptor.intercept(s.ctx, s.next))).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    expect(s.next.handle).not.toHaveBeenCalled();
    const header = setUp({ data: 'hand-offs', stream: true }, { headers: { 'x-purpose': 'x' } });
    expect(() => header.interceptor.intercept(header.ctx, header.next)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'purpose' })] }),
    );
  });

  it('logs a write that answers with the person, with the purpose if sent, none required', async () => {
    const bare = setUp({ data: 'hand-offs', disclosed, write: true }, {});
    expect(await lastValueFrom(bare.interceptor.intercept(bare.ctx, bare.next))).toBeDefined();
    expect(bare.response.setHeader).toHaveBeenCalledWith('cache-control', 'no-store');
    expect(bare.writer.write).toHaveBeenCalledWith(
      expect.objectContaining({ purpose: NO_PURPOSE_SENT, subjectRefs: ['LH-1'] }),
    );
    const told = setUp(
      { data: 'hand-offs', disclosed, write: true },
      { headers: { 'x-purpose': 'Raising a hand-off' } },
    );
    await lastValueFrom(told.interceptor.intercept(told.ctx, told.next));
    expect(told.writer.write).toHaveBeenCalledWith(
      expect.objectContaining({ purpose: 'Raising a hand-off' }),
    );
  });

  it('lets a logged stream add what each frame disclosed to its entry', async () => {
    const s = setUp({ data: 'hand-offs', stream: true }, { query: { purpose: 'Inbox' } });
    await lastValueFrom(s.interceptor.intercept(s.ctx, s.next));
    const req = s.request as never;
    await recordStreamDisclosure(req, { resourceIds: ['h1'], subjectRefs: ['LEI-SG-1'] });
    expect(s.writer.addDisclosed).toHaveBeenCalledWith('1', {
      resourceIds: ['h1'],
      subjectRefs: ['LEI-SG-1'],
    });
    const unlogged = setUp({ data: 'thing' }, { headers: { 'x-purpose': 'x' } });
    expect(() => recordStreamDisclosure(unlogged.request as never, {})).toThrow(/not a logged/);
  });
});
