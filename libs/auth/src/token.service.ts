import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';
import { OidcDiscovery, ProviderMetadata } from './oidc-discovery';
import {
  ClaimNames,
  claimsOfPrincipal,
  DEFAULT_CLAIM_NAMES,
  Principal,
  principalFromClaims,
} from './principal';

export type AuthMode = 'dev' | 'oidc';

export interface AuthOptions {
  mode: AuthMode;
  /** HS256 secret for dev tokens. */
  devSecret?: string;
  issuer?: string;
  audience?: string;
  /** The provider's key set; found through the issuer's discovery document when absent. */
  jwksUri?: string;
  /** Signing algorithms accepted from the provider (dev tokens are HS256 only). */
  algorithms?: string[];
  claimNames?: ClaimNames;
  /** Least gap between two fetches of the key set when a token names a key not yet seen. */
  jwksCooldownMs?: number;
}

/** A token that passed every check, and when it stops being valid (ms since the epoch). */
export interface VerifiedToken {
  principal: Principal;
  expiresAt: number;
}

export const DEV_ISSUER = 'intensify-dev';
export const DEV_AUDIENCE = 'intensify';
export const DEV_ALGORITHM = 'HS256';
export const DEFAULT_OIDC_ALGORITHMS = ['RS256'];
export const DEFAULT_JWKS_COOLDOWN_MS = 30_000;

const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

/** Verifies bearer tokens (dev: HS256 we sign; oidc: the organisation's JWKS) into principals. */
export class TokenService {
  private readonly devKey?: Uint8Array;
  private readonly discovery?: OidcDiscovery;
  private keySet?: JWTVerifyGetKey;
  private readonly claimNames: ClaimNames;

  constructor(private readonly options: AuthOptions) {
    this.claimNames = options.claimNames ?? DEFAULT_CLAIM_NAMES;
    if (options.mode === 'dev') {
      if (!options.devSecret) throw new Error('AUTH_DEV_SECRET is required in dev auth mode');
      this.devKey = new TextEncoder().encode(options.devSecret);
    } else {
      if (!options.issuer || !options.audience)
        throw new Error('AUTH_ISSUER and AUTH_AUDIENCE are required in oidc auth mode');
      this.discovery = new OidcDiscovery(options.issuer, this.cooldownMs);
      if (options.jwksUri) this.keySet = this.remoteKeySet(options.jwksUri);
    }
  }

  get mode(): AuthMode {
    return this.options.mode;
  }

  private get cooldownMs(): number {
    return this.options.jwksCooldownMs ?? DEFAULT_JWKS_COOLDOWN_MS;
  }

  /** The provider's published endpoints (oidc mode), for the pages' sign-in. */
  provider(): Promise<ProviderMetadata> {
    if (!this.discovery) return Promise.reject(new Error('no OpenID provider in dev auth mode'));
    return this.discovery.metadata();
  }

  /**
   * Verified tokens are remembered briefly: a regional tool sends the same token thousands of
   * times a day, and a signature check costs more than the rest of a request's checks.
   */
  private readonly verified = new Map<string, VerifiedToken & { until: number }>();

  async verify(token: string): Promise<Principal | null> {
    return (await this.verifyToken(token))?.principal ?? null;
  }

  async verifyToken(token: string): Promise<VerifiedToken | null> {
    const hit = this.verified.get(token);
    if (hit && hit.until > Date.now())
      return { principal: hit.principal, expiresAt: hit.expiresAt };
    const verified = await this.verifyNow(token);
    if (verified) this.remember(token, verified);
    return verified;
  }

  private remember(token: string, v: VerifiedToken): void {
    const until = Math.min(Date.now() + VERIFIED_TTL_MS, v.expiresAt);
    if (this.verified.size >= VERIFIED_MAX)
      this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { ...v, until });
  }

  private async verifyNow(token: string): Promise<VerifiedToken | null> {
    try {
      // `exp` is required: a token that never expires cannot be taken back.
      const { payload } = this.devKey
        ? await jwtVerify(token, this.devKey, {
            issuer: DEV_ISSUER,
            audience: DEV_AUDIENCE,
            algorithms: [DEV_ALGORITHM],
            requiredClaims: ['exp'],
          })
        : await jwtVerify(token, await this.keys(), {
            issuer: this.options.issuer,
            audience: this.options.audience,
            algorithms: this.options.algorithms ?? DEFAULT_OIDC_ALGORITHMS,
            requiredClaims: ['exp'],
          });
      const principal = principalFromClaims(payload as Record<string, unknown>, this.claimNames);
      return principal && { principal, expiresAt: payload.exp! * 1000 };
    } catch {
      return null;
    }
  }

  /** The configured key set, or the one the discovery document names. */
  private async keys(): Promise<JWTVerifyGetKey> {
    this.keySet ??= this.remoteKeySet((await this.discovery!.metadata()).jwks_uri);
    return this.keySet;
  }

  /** jose refetches the set when a token names an unknown key, at most once per cooldown. */
  private remoteKeySet(uri: string): JWTVerifyGetKey {
    return createRemoteJWKSet(new URL(uri), { cooldownDuration: this.cooldownMs });
  }

  async issueDevToken(principal: Principal, ttlSeconds = 12 * 3600): Promise<string> {
    if (!this.devKey) throw new Error('dev tokens exist only in dev auth mode');
    return new SignJWT(claimsOfPrincipal(principal, this.claimNames))
      .setProtectedHeader({ alg: DEV_ALGORITHM })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(principal.sub)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.devKey);
  }
}
