import { join } from 'node:path';
import { API_ROUTES, DDTRO_DECISIONS, TASKING_TRANSITIONS } from '@intensify/contracts';
import { servedRoutes } from './served-routes';

/** Served, but not part of the public API, each with its reason. */
const NOT_DOCUMENTED: { path: RegExp; reason: string }[] = [
  {
    path: /^\/board(\/|$)/,
    reason: "the commanders' board page and its assets (HTML for browsers)",
  },
  {
    path: /^\/(report|taskings|lines|baselines|common)(\/|$)/,
    reason: 'static pages and their assets',
  },
  { path: /^\/$/, reason: 'the home page' },
];

/** Path parameters that name one of a fixed set of actions: documented one path each. */
const ACTION_PARAMS: Record<string, readonly string[]> = {
  transition: TASKING_TRANSITIONS,
  decision: DDTRO_DECISIONS,
};

/**
 * Handlers that answer the status the service behind them chose (`res.status(...)`), not
 * Nest's default: the integration tests check those statuses against the document.
 */
const STATUS_FROM_SERVICE = new Set([
  'POST /api/v1/operations/{}/outcomes',
  'POST /api/v1/outcomes/{}/corrections',
  'POST /api/v1/outcomes/{}/retraction',
  'POST /api/v1/operations/{}/taskings',
  'POST /api/v1/lines',
  'POST /api/v1/lines/{}/numbers',
  'POST /api/v1/lines/{}/ddtros',
  'POST /api/v1/handoffs',
  'PUT /api/v1/forces/{}/baselines/{}',
]);

/** `/taskings/:id/:transition` → one path per transition, then params as `{}`. */
function expand(path: string): string[] {
  const action = Object.keys(ACTION_PARAMS).find((p) => path.includes(`:${p}`));
  const paths = action ? ACTION_PARAMS[action].map((v) => path.replace(`:${action}`, v)) : [path];
  return paths.map((p) => p.replace(/:\w+/g, '{}'));
}

const shape = (path: string) => path.replace(/\{\w+\}/g, '{}');

describe('the OpenAPI document and the routes the gateway serves', () => {
  const served = servedRoutes(join(__dirname, '..')).filter(
    (r) => !NOT_DOCUMENTED.some((x) => x.path.test(r.path)),
  );
  const servedKeys = served.flatMap((r) => expand(r.path).map((p) => `${r.method} ${p}`));
  const documented = API_ROUTES.map((r) => `${r.method.toUpperCase()} ${shape(r.path)}`);

  it('documents the purpose, logging and no-store on exactly the person-level routes', () => {
    const key = (method: string, path: string) => `${method.toUpperCase()} ${shape(path)}`;
    const marked = served
      .filter((r) => r.personLevel)
      .map((r) => `${key(r.method, r.path.replace(/:(\w+)/g, '{$1}'))} ${r.personLevel}`);
    const documentedPersonLevel = API_ROUTES.filter((r) => r.personLevel).map(
      (r) => `${key(r.method, r.path)} ${r.personLevel}`,
    );
    expect(marked.length).toBeGreaterThanOrEqual(12);
    expect(marked.sort()).toEqual(documentedPersonLevel.sort());
  });

  it('finds the controllers', () => {
    expect(served.length).toBeGreaterThan(40);
    expect(servedKeys).toContain('GET /api/v1/operations/{}/board/stream');
  });

  it('documents every served route', () => {
    expect(servedKeys.filter((k) => !documented.includes(k))).toEqual([]);
  });

  it('serves every documented route', () => {
    expect(documented.filter((k) => !servedKeys.includes(k))).toEqual([]);
  });

  it("documents each route's own success status", () => {
    const missing = served.flatMap((r) =>
      expand(r.path)
        .map((p) => `${r.method} ${p}`)
        .filter((key) => !STATUS_FROM_SERVICE.has(key))
        .filter((key) => {
          const route = API_ROUTES.find(
            (d) => `${d.method.toUpperCase()} ${shape(d.path)}` === key,
          );
          return route && !(r.status in route.responses);
        })
        .map((key) => `${key} → ${r.status}`),
    );
    expect(missing).toEqual([]);
  });

  it('lists every route whose status comes from a service, and each is documented with 2xx', () => {
    for (const key of STATUS_FROM_SERVICE) {
      expect(servedKeys).toContain(key);
      const route = API_ROUTES.find((d) => `${d.method.toUpperCase()} ${shape(d.path)}` === key);
      expect(Object.keys(route?.responses ?? {}).filter((s) => s.startsWith('2'))).not.toEqual([]);
    }
  });
});
