/** What an OpenID provider publishes about itself (OpenID Connect Discovery 1.0), as we use it. */
export interface ProviderMetadata {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
}

const TIMEOUT_MS = 5_000;

/**
 * Reads `<issuer>/.well-known/openid-configuration` once and keeps it. A failed read is not
 * repeated within `retryAfterMs`, so a provider that is down is not asked on every request.
 */
export class OidcDiscovery {
  private found?: ProviderMetadata;
  private pending?: Promise<ProviderMetadata>;
  private failedAt = -Infinity;

  constructor(
    private readonly issuer: string,
    private readonly retryAfterMs: number,
  ) {}

  get url(): string {
    return `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  }

  async metadata(): Promise<ProviderMetadata> {
    if (this.found) return this.found;
    if (Date.now() - this.failedAt < this.retryAfterMs)
      throw new Error(`OpenID discovery at ${this.url} failed moments ago`);
    this.pending ??= this.read().then(
      (m) => (this.found = m),
      (e) => {
        this.failedAt = Date.now();
        throw e;
      },
    );
    try {
      return await this.pending;
    } finally {
      this.pending = undefined;
    }
  }

  private async read(): Promise<ProviderMetadata> {
    const res = await fetch(this.url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`OpenID discovery at ${this.url} answered ${res.status}`);
    const m = (await res.json()) as Partial<ProviderMetadata>;
    // Discovery §4.3: the document must be the configured issuer's own.
    if (m.issuer !== this.issuer)
      throw new Error(`OpenID discovery names issuer ${m.issuer}, expected ${this.issuer}`);
    if (typeof m.jwks_uri !== 'string') throw new Error(`OpenID discovery has no jwks_uri`);
    return m as ProviderMetadata;
  }
}
