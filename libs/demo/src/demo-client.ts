import { Role } from '@intensify/contracts';

export interface Identity {
  sub: string;
  role: Role;
  region?: string;
  force?: string;
}

/** The public API as the demo's simulated users call it, with dev sign-in (AUTH_MODE=dev). */
export class DemoClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly gatewayUrl: string) {}

  token(who: Identity): Promise<string> {
    const key = JSON.stringify(who);
    if (!this.tokens.has(key))
      this.tokens.set(
        key,
        this.call<{ token: string }>('POST', '/api/v1/auth/dev-token', { body: who }).then(
          (r) => r.token,
        ),
      );
    return this.tokens.get(key)!;
  }

  async as<T>(
    who: Identity,
    method: string,
    path: string,
    opts: Omit<CallOptions, 'token'> = {},
  ): Promise<T> {
    return this.call<T>(method, path, { ...opts, token: await this.token(who) });
  }

  /**
   * Requests that are safe to repeat (reads, and writes with an Idempotency-Key) are retried
   * when the platform answers 5xx or cannot be reached (a pooled connection the server has just
   * closed included), as a regional tool should; the key
   * makes sure a retried outcome is counted once.
   */
  private async call<T>(method: string, path: string, opts: CallOptions): Promise<T> {
    // Also safe: a dev token minted twice, and CSV files the platform takes once by content.
    const retriable =
      method === 'GET' ||
      opts.idempotencyKey !== undefined ||
      opts.csv !== undefined ||
      path === '/api/v1/auth/dev-token';
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(method, path, opts);
      } catch (e) {
        const transient = !(e instanceof DemoRequestError) || e.status >= 500;
        if (!retriable || !transient || attempt >= 6) throw e;
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }

  private async once<T>(method: string, path: string, opts: CallOptions): Promise<T> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    // Person-level reads (line holders) say why they look; the gateway logs it.
    if (opts.purpose) headers['x-purpose'] = opts.purpose;
    if (opts.csv !== undefined) headers['content-type'] = 'text/csv';
    else if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.gatewayUrl}${path}`, {
      method,
      headers,
      body: opts.csv ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    }).catch((e: Error) => {
      // Say which request could not be made: "fetch failed" alone names none.
      throw new Error(`${method} ${path}: ${e.message} (${String((e.cause as Error)?.message)})`);
    });
    const text = await res.text();
    if (res.status >= 300) throw new DemoRequestError(method, path, res.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

interface CallOptions {
  body?: unknown;
  idempotencyKey?: string;
  csv?: string;
  purpose?: string;
  token?: string;
}

export class DemoRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} → ${status} ${body.slice(0, 300)}`);
  }
}
