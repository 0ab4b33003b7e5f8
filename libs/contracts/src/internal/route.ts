/** The services the gateway calls over internal HTTP. */
export const INTERNAL_SERVICES = [
  'reporting',
  'projections',
  'tasking',
  'intelligence',
  'safeguarding',
] as const;
export type InternalService = (typeof INTERNAL_SERVICES)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** What a route carries for the compiler: the answer, the body and the query it takes. */
export interface RouteTypes {
  answer?: unknown;
  body?: unknown;
  /** Values are strings or numbers; an undefined value is left out. */
  query?: object;
}

/**
 * One internal endpoint: its owner, method and path. The owner's controller declares it with
 * `@Controller(route.controller)` and `@Get(route.path)`; the gateway calls it with the whole
 * `template`, its `:params` filled in by `internalPath`.
 */
export interface InternalRoute<
  Template extends string = string,
  Types extends RouteTypes = RouteTypes,
> {
  readonly service: InternalService;
  readonly method: HttpMethod;
  readonly controller: string;
  /** '' for the controller's own path. */
  readonly path: string;
  readonly template: Template;
  /** Never set: it only carries the route's types. */
  readonly types?: Types;
}

/** The names of a template's `:param` segments. */
export type PathParamNames<T extends string> = T extends `${string}:${infer P}/${infer Rest}`
  ? P | PathParamNames<Rest>
  : T extends `${string}:${infer P}`
    ? P
    : never;

export type PathParams<T extends string> = { [K in PathParamNames<T>]: string };

/**
 * A body or query string passed on as the client sent it, for the owning service to validate
 * (the gateway checks only what it must: role, scope, the week being open).
 */
export class AsSent<T> {
  constructor(readonly value: T) {}
}

type Join<Prefix extends string, Path extends string> = Path extends ''
  ? `/${Prefix}`
  : `/${Prefix}/${Path}`;

type TypesOf<R> = R extends InternalRoute<string, infer T> ? T : never;
type TemplateOf<R> = R extends InternalRoute<infer P, RouteTypes> ? P : never;

export type AnswerOf<R> = TypesOf<R> extends { answer: infer A } ? A : unknown;
export type BodyOf<R> = TypesOf<R> extends { body: infer B } ? B : never;
export type QueryOf<R> = TypesOf<R> extends { query: infer Q } ? Q : never;

type ParamsPart<R> = [PathParamNames<TemplateOf<R>>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<TemplateOf<R>> };
type BodyPart<R> = [BodyOf<R>] extends [never]
  ? { body?: undefined }
  : { body: BodyOf<R> | AsSent<unknown> };
type QueryPart<R> = [QueryOf<R>] extends [never]
  ? { query?: undefined }
  : { query?: QueryOf<R> | AsSent<string> };

/** What a call of the route must give: its params, its body, and may give: its query. */
export type RouteRequest<R> = ParamsPart<R> & BodyPart<R> & QueryPart<R>;

/** The route's path with its params URL-encoded and its query serialised. */
export function internalPath<R extends InternalRoute>(
  route: R,
  request: Pick<RouteRequest<R>, 'params' | 'query'>,
): string {
  const { params, query } = request as { params?: Record<string, string>; query?: object };
  return fillTemplate(route.template, params ?? {}, query);
}

/** `internalPath` for callers that have checked the request's types already. */
export function fillTemplate(
  template: string,
  params: Record<string, string>,
  query: object | AsSent<string> | undefined,
): string {
  const path = template.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'string') throw new Error(`${template} needs a value for :${name}`);
    return encodeURIComponent(value);
  });
  return path + queryString(query);
}

function queryString(query: object | AsSent<string> | undefined): string {
  if (query instanceof AsSent) return query.value ? `?${query.value}` : '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The routes of one owner's controller, and its `@Controller(...)` path. */
export function internalController<Prefix extends string, Routes>(
  service: InternalService,
  prefix: Prefix,
  routes: (r: RouteMaker<Prefix>) => Routes,
): Routes & { readonly controller: Prefix } {
  const make =
    (method: HttpMethod) =>
    <Path extends string = ''>(path = '' as Path) =>
      new RouteDraft<Join<Prefix, Path>>({
        service,
        method,
        controller: prefix,
        path,
        template: (path ? `/${prefix}/${path}` : `/${prefix}`) as Join<Prefix, Path>,
      });
  const maker = { get: make('GET'), post: make('POST'), put: make('PUT'), patch: make('PATCH') };
  return { ...routes(maker), controller: prefix };
}

type RouteMaker<Prefix extends string> = Record<
  'get' | 'post' | 'put' | 'patch',
  <Path extends string = ''>(path?: Path) => RouteDraft<Join<Prefix, Path>>
>;

/** A route before its types are named. */
class RouteDraft<Template extends string> {
  constructor(private readonly route: InternalRoute<Template, RouteTypes>) {}

  typed<Types extends RouteTypes = Record<never, never>>(): InternalRoute<Template, Types> {
    return this.route as InternalRoute<Template, Types>;
  }
}
