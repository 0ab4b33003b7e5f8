import { Response } from 'express';
import { HANDOFF_LISTS_MODULE } from './handoff-lists';
import { staticPageController } from './static-page.controller';

interface Sent {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function fakeResponse(sent: Sent): Response {
  const res = {
    status: (s: number) => ((sent.status = s), res),
    set: (h: Record<string, string>) => ((sent.headers = h), res),
    send: (b: unknown) => ((sent.body = b), res),
  };
  return res as unknown as Response;
}

describe('a static page', () => {
  const Page = staticPageController(
    'safeguarding',
    {},
    { 'handoff-lists.js': HANDOFF_LISTS_MODULE },
  );
  const page = new Page() as { asset(file: string, res: Response): void };

  it('serves a module the gateway writes as one of its scripts', () => {
    const sent: Sent = {};
    page.asset('handoff-lists.js', fakeResponse(sent));
    expect(sent).toEqual({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' },
      body: HANDOFF_LISTS_MODULE,
    });
    expect(HANDOFF_LISTS_MODULE).toMatch(/^export const CONCERNS = \[/);
  });

  it('still serves its own files, and a 404 for any other name', () => {
    const sent: Sent = {};
    page.asset('raise-model.js', fakeResponse(sent));
    expect(String(sent.body)).toContain("from './handoff-lists.js'");
    expect(() => page.asset('missing.js', fakeResponse({}))).toThrow(/No page asset/);
  });
});
