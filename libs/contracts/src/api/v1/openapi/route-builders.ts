import { ErrorCode } from '../problem';
import { idempotencyKey, ok, pageParams, pathId, problem } from './answers';
import { Answer, ApiRoute, Method, Parameter, Tag } from './route';
import { page } from './schema-builders';

/** All of a route but what its row in the table names: method, path, summary and area. */
export type RouteDetails = Omit<ApiRoute, 'method' | 'path' | 'tag' | 'summary'>;

type RouteBuilder = (path: string, summary: string, details: RouteDetails) => ApiRoute;

/** The routes of one area: each row is a method, a path, a summary and what else it has. */
export function routesOf(tag: Tag): Record<Method, RouteBuilder> {
  const at =
    (method: Method): RouteBuilder =>
    (path, summary, details) => ({ method, path, tag, summary, ...details });
  return {
    get: at('get'),
    post: at('post'),
    put: at('put'),
    patch: at('patch'),
    delete: at('delete'),
  };
}

/**
 * A route on the one thing its path names by `{id}`: `answer` when it is there, `missing` (404)
 * when not; `more` adds parameters after the id, a body and other answers.
 */
export function onId(answer: Answer, missing: Answer, more: Partial<RouteDetails> = {}) {
  return {
    ...more,
    params: [pathId(), ...(more.params ?? [])],
    responses: { 200: answer, 404: missing, ...more.responses },
  } satisfies RouteDetails;
}

/** A list read page by page (`cursor`, `limit`) after its `filters`. */
export const pagedList = (item: object, filters: Parameter[]): RouteDetails => ({
  params: [...filters, ...pageParams],
  responses: { 200: ok(page(item)) },
});

/** A 409 naming its codes: "`a`", "`a` or `b`", "`a`, `b` or `c`". */
export function conflicts(...codes: ErrorCode[]): Answer {
  const named = codes.map((c) => `\`${c}\``);
  const text = named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named.at(-1)}` : named[0];
  return problem(text, codes);
}

/**
 * A write sent with an `Idempotency-Key` on the thing `id` names: `first` answers the first
 * time, 200 with the same answer on a replay.
 */
export function idempotentWrite(o: {
  id?: string;
  body: RouteDetails['body'];
  first: [status: number, answer: Answer];
  replay: string;
  missing: Answer;
  conflict: Answer;
}): RouteDetails {
  const [status, answer] = o.first;
  return {
    params: [pathId(o.id), idempotencyKey],
    body: o.body,
    responses: {
      [status]: answer,
      200: { ...answer, description: o.replay },
      404: o.missing,
      409: o.conflict,
    },
  };
}
