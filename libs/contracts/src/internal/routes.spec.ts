import { AsSent, InternalRoute, internalPath, RouteRequest } from './route';
import { INTERNAL } from './routes';

/** Every route of the table with the owner and controller it is listed under. */
function allRoutes(): { owner: string; route: InternalRoute }[] {
  return Object.entries(INTERNAL).flatMap(([owner, controllers]) =>
    Object.values(controllers).flatMap((controller) =>
      Object.entries(controller)
        .filter(([name]) => name !== 'controller')
        .map(([, route]) => ({ owner, route: route as InternalRoute })),
    ),
  );
}

/** Compiles only when the request fits the route. */
function accepts<R extends InternalRoute>(_route: R, _request: RouteRequest<R>): boolean {
  return true;
}

/** Two templates that one request path could match (a `:param` matches any one segment). */
function overlap(a: string, b: string): boolean {
  const x = a.split('/');
  const y = b.split('/');
  return (
    x.length === y.length &&
    x.every((s, i) => s === y[i] || s.startsWith(':') || y[i].startsWith(':'))
  );
}

describe('internal routes', () => {
  it('fills in params URL-encoded and serialises the query', () => {
    const path = internalPath(INTERNAL.reporting.outcomes.list, {
      params: { operationId: 'a b/c?' },
      query: { force: 'ZZ', status: undefined, cursor: 'x&y=z', limit: 500 },
    });
    expect(path).toBe(
      '/internal/operations/a%20b%2Fc%3F/outcomes?force=ZZ&cursor=x%26y%3Dz&limit=500',
    );
  });

  it('fills in every param of a template with several', () => {
    const path = internalPath(INTERNAL.intelligence.returns.upload, {
      params: { force: 'met/x', month: '2026-01' },
    });
    expect(path).toBe('/internal/forces/met%2Fx/returns/2026-01');
  });

  it('leaves out an empty query and passes a query as sent on unchanged', () => {
    expect(internalPath(INTERNAL.tasking.taskings.list, { query: {} })).toBe('/internal/taskings');
    expect(internalPath(INTERNAL.reporting.operations.list, {})).toBe('/internal/operations');
    const sent = new AsSent('linkedLines%3E=2&limit=5');
    expect(internalPath(INTERNAL.intelligence.deconfliction.holders, { query: sent })).toBe(
      '/internal/line-holders?linkedLines%3E=2&limit=5',
    );
    expect(internalPath(INTERNAL.intelligence.lines.list, { query: new AsSent('') })).toBe(
      '/internal/lines',
    );
  });

  it('refuses a missing param at run time too', () => {
    const untyped = { params: {} } as unknown as RouteRequest<typeof INTERNAL.tasking.taskings.get>;
    expect(() => internalPath(INTERNAL.tasking.taskings.get, untyped)).toThrow(
      '/internal/taskings/:id needs a value for :id',
    );
  });

  it('makes missing or unknown params, and a body or query a route does not take, type errors', () => {
    const get = INTERNAL.tasking.taskings.get;
    // @ts-expect-error the :id param is missing
    expect(() => internalPath(get, {})).toThrow();
    // @ts-expect-error the param is misnamed
    expect(() => internalPath(get, { params: { taskingId: 't' } })).toThrow();
    // @ts-expect-error a param the template does not have
    internalPath(get, { params: { id: 't', other: 'x' } });
    // @ts-expect-error the route has no params
    internalPath(INTERNAL.reporting.operations.list, { params: { id: 'x' } });
    // @ts-expect-error the route takes no query
    internalPath(get, { params: { id: 't' }, query: { limit: 5 } });
    // @ts-expect-error a query parameter the route does not know
    internalPath(INTERNAL.reporting.audit.list, { query: { force: 'x' } });
    const { close, reopen } = INTERNAL.reporting.operations;
    // @ts-expect-error close takes no body
    expect(accepts(close, { params: { id: 'x' }, body: {} })).toBe(true);
    // @ts-expect-error reopen needs its body
    expect(accepts(reopen, { params: { id: 'x' } })).toBe(true);
    expect(accepts(reopen, { params: { id: 'x' }, body: { reason: 'late return' } })).toBe(true);
  });

  it('lists every route once, under its owner, with a template made of its controller and path', () => {
    const routes = allRoutes();
    expect(routes.length).toBeGreaterThan(35);
    for (const { owner, route } of routes) {
      expect(route.service).toBe(owner);
      expect(route.template).toBe(`/${[route.controller, route.path].filter(Boolean).join('/')}`);
    }
    const keys = routes.map(({ route: r }) => `${r.service} ${r.method} ${r.template}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives no two routes of one owner a request path they could both match', () => {
    const clashes = allRoutes().flatMap(({ route: a }, i, all) =>
      all
        .slice(i + 1)
        .filter(({ route: b }) => a.service === b.service && a.method === b.method)
        .filter(({ route: b }) => overlap(a.template, b.template))
        .map(({ route: b }) => `${a.service} ${a.method} ${a.template} ~ ${b.template}`),
    );
    expect(clashes).toEqual([]);
  });
});
