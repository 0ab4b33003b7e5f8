import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, JWK, KeyLike } from 'jose';
import { waitFor } from '@intensify/testing';

export interface ProviderKey {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}

export interface TestClient {
  id: string;
  secret: string;
  claims: Record<string, string>;
  ttlSeconds?: number;
}

/** A public client of the pages: the authorization code flow with PKCE, from `origin`. */
export interface TestPageClient {
  id: string;
  origin: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** The API its access tokens are for, without the page naming it. */
  resource: string;
  ttlSeconds?: number;
}

/** Page clients, and the claims of each login one may sign in with on the provider's pages. */
export interface TestPageSignIn {
  clients: TestPageClient[];
  accounts: Record<string, Record<string, string>>;
}

export async function providerKey(kid: string): Promise<ProviderKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' } };
}

/** The OpenID provider process of test/support/oidc-provider-process.mjs on a loopback port. */
export class TestOidcProvider {
  private child?: ChildProcess;
  readonly issuer: string;

  constructor(
    readonly port: number,
    private readonly clients: TestClient[],
    private readonly logFile: string,
    private readonly pages: TestPageSignIn = { clients: [], accounts: {} },
  ) {
    this.issuer = `http://127.0.0.1:${port}`;
  }

  /** Starts (or restarts) the provider signing with `key`, and waits for its discovery. */
  async start(key: ProviderKey): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    this.child = spawn(process.execPath, [join(__dirname, 'oidc-provider-process.mjs')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        OIDC_PORT: String(this.port),
        OIDC_KEYS: JSON.stringify([key.jwk]),
        OIDC_CLIENTS: JSON.stringify(this.clients),
        OIDC_PAGE_CLIENTS: JSON.stringify(this.pages.clients),
        OIDC_ACCOUNTS: JSON.stringify(this.pages.accounts),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.pipe(log);
    this.child.stderr!.pipe(log);
    await waitFor(
      () =>
        fetch(`${this.issuer}/.well-known/openid-configuration`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      { timeoutMs: 20_000, intervalMs: 100, what: `the OpenID provider (log ${this.logFile})` },
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** An access token for the client's user, for the API named by `resource`. */
  async token(clientId: string, resource: string): Promise<string> {
    const client = this.clients.find((c) => c.id === clientId)!;
    const res = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: client.secret,
        scope: 'api',
        resource,
      }),
    });
    const body = (await res.json()) as { access_token: string };
    if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(body)}`);
    return body.access_token;
  }

  async jwksHits(): Promise<number> {
    const res = await fetch(`${this.issuer}/test/jwks-hits`);
    return ((await res.json()) as { hits: number }).hits;
  }
}
