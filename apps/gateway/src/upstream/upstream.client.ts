import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Dispatcher, Pool } from 'undici';
import {
  Actor,
  AnswerOf,
  AsSent,
  INTERNAL_HEADERS,
  InternalRoute,
  fillTemplate,
  InternalService,
  Problem,
  RouteRequest,
} from '@intensify/contracts';
import { ServiceCredentialSigner } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { GATEWAY_ENV, GatewayEnv } from '../config';

export type Service = InternalService;

export interface UpstreamCall {
  actor?: Actor;
  correlationId?: string;
  body?: unknown;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** Return error answers instead of throwing them (health reports are 503 with a body). */
  returnErrors?: boolean;
  /** A longer wait than UPSTREAM_TIMEOUT_MS, for a return that is written in one go. */
  timeoutMs?: number;
}

/**
 * How long a whole return (a CSV or register file, applied in one transaction) may take
 * upstream: under load it can queue behind others, and a 503 for a file that is then applied
 * would send its uploader to send it again for nothing.
 */
export const RETURN_TIMEOUT_MS = 120_000;

export interface UpstreamAnswer<T> {
  status: number;
  body: T;
}

/** A call of one internal route: the params, body and query its types ask for, and who calls. */
export type InternalCall<R> = RouteRequest<R> & Omit<UpstreamCall, 'body'>;

/** The call may be left out when the route asks for nothing. */
export type InternalCallArgs<R> =
  Record<never, never> extends InternalCall<R> ? [call?: InternalCall<R>] : [call: InternalCall<R>];

/**
 * Forwards commands and queries to the owning service over internal HTTP. A problem the
 * owner answers with is passed on as it is; an owner that cannot be reached is a 503, after
 * which a client may retry with the same Idempotency-Key without counting twice.
 */
@Injectable()
export class UpstreamClient implements OnModuleDestroy {
  private readonly pools: Record<Service, Pool>;
  private readonly credentials: ServiceCredentialSigner;

  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {
    this.credentials = new ServiceCredentialSigner('gateway', env.SERVICE_SIGNING_KEY);
    // A kept-alive connection pool per service: far less work per call than fetch().
    const pool = (url: string) =>
      new Pool(new URL(url).origin, { connections: 128, keepAliveTimeout: 30_000 });
    this.pools = {
      reporting: pool(env.REPORTING_URL),
      projections: pool(env.PROJECTIONS_URL),
      tasking: pool(env.TASKING_URL),
      intelligence: pool(env.INTELLIGENCE_URL),
      safeguarding: pool(env.SAFEGUARDING_URL),
    };
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(Object.values(this.pools).map((p) => p.close()));
  }

  /** Calls an internal route of its owning service; see `INTERNAL` in the contracts. */
  send<R extends InternalRoute>(
    route: R,
    ...[call]: InternalCallArgs<R>
  ): Promise<UpstreamAnswer<AnswerOf<R>>> {
    const { params, query, body, ...rest } = (call ?? {}) as UpstreamCall & {
      params?: Record<string, string>;
      query?: object;
    };
    const path = fillTemplate(route.template, params ?? {}, query);
    const sent = body instanceof AsSent ? body.value : body;
    return this.call(route.service, route.method, path, { ...rest, body: sent });
  }

  private async call<T>(
    service: Service,
    method: string,
    path: string,
    c: UpstreamCall = {},
  ): Promise<UpstreamAnswer<T>> {
    const { actor, correlationId } = c;
    // One credential per service and actor, reused for most of its minute; the correlation id
    // travels beside it (a trace label, not an authority), so it does not force a new one.
    const credential = await this.credentials.credentialFor(service, actor);
    const headers: Record<string, string> = { ...c.headers, authorization: `Bearer ${credential}` };
    if (correlationId) headers[INTERNAL_HEADERS.correlationId] = correlationId;
    if (c.body !== undefined) headers['content-type'] = 'application/json';
    if (c.idempotencyKey) headers[INTERNAL_HEADERS.idempotencyKey] = c.idempotencyKey;
    const timeoutMs = Math.max(this.env.UPSTREAM_TIMEOUT_MS, c.timeoutMs ?? 0);
    let status: number;
    let text: string;
    try {
      const res = await this.pools[service].request({
        path,
        method: method as Dispatcher.HttpMethod,
        headers,
        body: c.body === undefined ? undefined : JSON.stringify(c.body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch {
      throw new ProblemError(
        'service_unavailable',
        `The ${service} service did not answer; retry with the same Idempotency-Key`,
      );
    }
    // The owner refusing the gateway's own credential is a fault here, never the client's.
    if (status === 401)
      throw new ProblemError(
        'internal_error',
        `The ${service} service refused the gateway's service credential`,
      );
    const body = text ? JSON.parse(text) : undefined;
    if (status >= 400 && !c.returnErrors) {
      if (body?.code) throw ProblemError.fromProblem(body as Problem);
      throw new ProblemError(
        status >= 500 ? 'service_unavailable' : 'validation_failed',
        `The ${service} service answered ${status}`,
      );
    }
    return { status, body: body as T };
  }
}
