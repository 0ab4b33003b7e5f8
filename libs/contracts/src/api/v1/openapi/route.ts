/** One row of the route table the OpenAPI document is built from. */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type Tag =
  | 'auth'
  | 'reference-data'
  | 'operations'
  | 'outcomes'
  | 'board'
  | 'taskings'
  | 'lines'
  | 'ddtros'
  | 'exports'
  | 'audit'
  | 'access-log'
  | 'handoffs'
  | 'baselines'
  | 'inbox'
  | 'health';

/** One answer of a route: JSON unless `contentType` says otherwise. */
export interface Answer {
  description: string;
  contentType?: string;
  schema?: object;
  headers?: Record<string, object>;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema: object;
}

/** `schema` is the very object the code validates with; `name` makes it a named component. */
export interface RequestBody {
  schema: object;
  name?: string;
  contentType?: string;
  description?: string;
  /** The component that documents `schema` with the rules the code judges beside it. */
  documentedAs?: string;
}

export interface ApiRoute {
  method: Method;
  /** OpenAPI path with `{param}` placeholders. */
  path: string;
  summary: string;
  description?: string;
  tag: Tag;
  /** Served without a bearer token. */
  public?: boolean;
  /** Answered by the gateway alone: no other service is asked, so never 503. */
  gatewayOnly?: boolean;
  /** The route reads no scope (every valid token may call it): never 403. */
  anyRole?: boolean;
  params?: Parameter[];
  /**
   * Reads person-level data (s.62): needs `X-Purpose` (a stream: `?purpose=`), is logged before
   * anything is sent and is answered with `Cache-Control: no-store`. A `write` answers with the
   * person it wrote: logged and `no-store` too, its `X-Purpose` optional.
   */
  personLevel?: 'read' | 'stream' | 'write';
  body?: RequestBody;
  /** Success answers and the problems particular to the route; the common ones are added. */
  responses: Record<number, Answer>;
}
