import { Inject, Injectable } from '@nestjs/common';
import { Actor, encodeActor, INTERNAL_HEADERS, Problem } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { GATEWAY_ENV, GatewayEnv } from '../config';

export type Service = 'reporting' | 'projections';

export interface UpstreamCall {
  actor?: Actor;
  correlationId?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Return error answers instead of throwing them (health reports are 503 with a body). */
  returnErrors?: boolean;
}

export interface UpstreamAnswer<T> {
  status: number;
  body: T;
}

/**
 * Forwards commands and queries to the owning service over internal HTTP. A problem the
 * owner answers with is passed on as it is; an owner that cannot be reached is a 503, after
 * which a client may retry with the same Idempotency-Key without counting twice.
 */
@Injectable()
export class UpstreamClient {
  private readonly base: Record<Service, string>;

  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {
    this.base = { reporting: env.REPORTING_URL, projections: env.PROJECTIONS_URL };
  }

  async call<T>(
    service: Service,
    method: string,
    path: string,
    c: UpstreamCall = {},
  ): Promise<UpstreamAnswer<T>> {
    const headers: Record<string, string> = { ...c.headers };
    if (c.body !== undefined) headers['content-type'] = 'application/json';
    if (c.actor) headers[INTERNAL_HEADERS.actor] = encodeActor(c.actor);
    if (c.correlationId) headers[INTERNAL_HEADERS.correlationId] = c.correlationId;
    let res: Response;
    try {
      res = await fetch(new URL(path, this.base[service]), {
        method,
        headers,
        body: c.body === undefined ? undefined : JSON.stringify(c.body),
        signal: AbortSignal.timeout(this.env.UPSTREAM_TIMEOUT_MS),
      });
    } catch {
      throw new ProblemError(
        'service_unavailable',
        `The ${service} service did not answer; retry with the same Idempotency-Key`,
      );
    }
    const text = await res.text();
    const body = text ? JSON.parse(text) : undefined;
    if (res.status >= 400 && !c.returnErrors) {
      if (body?.code) throw ProblemError.fromProblem(body as Problem);
      throw new ProblemError(
        res.status >= 500 ? 'service_unavailable' : 'validation_failed',
        `The ${service} service answered ${res.status}`,
      );
    }
    return { status: res.status, body: body as T };
  }
}
