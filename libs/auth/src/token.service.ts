import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, JWTVerifyGetKey } from 'jose';
import { Principal, principalFromClaims } from './principal';

export type AuthMode = 'dev' | 'oidc';

export interface AuthOptions {
  mode: AuthMode;
  /** HS256 secret for dev tokens. */
  devSecret?: string;
  issuer?: string;
  audience?: string;
  jwksUri?: string;
}

export const DEV_ISSUER = 'intensify-dev';
export const DEV_AUDIENCE = 'intensify';

const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

/** Verifies bearer tokens (dev: HS256 we sign; oidc: the organisation's JWKS) into principals. */
export class TokenService {
  private readonly devKey?: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly options: AuthOptions) {
    if (options.mode === 'dev') {
      if (!options.devSecret) throw new Error('AUTH_DEV_SECRET is required in dev auth mode');
      this.devKey = new TextEncoder().encode(options.devSecret);
    } else {
      if (!options.jwksUri || !options.issuer || !options.audience) {
        throw new Error(
          'AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URI are required in oidc auth mode',
        );
      }
      this.jwks = createRemoteJWKSet(new URL(options.jwksUri));
    }
  }

  get mode(): AuthMode {
    return this.options.mode;
  }

  /**
   * Verified tokens are remembered briefly: a regional tool sends the same token thousands of
   * times a day, and a signature check costs more than the rest of a request's checks.
   */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  async verify(token: string): Promise<Principal | null> {
    const hit = this.verified.get(token);
    if (hit && hit.until > Date.now()) return hit.principal;
    const principal = await this.verifyNow(token);
    if (principal) this.remember(token, principal);
    return principal;
  }

  private remember(token: string, principal: Principal): void {
    const exp = decodeJwt(token).exp;
    const until = Math.min(Date.now() + VERIFIED_TTL_MS, exp ? exp * 1000 : Infinity);
    if (this.verified.size >= VERIFIED_MAX)
      this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, until });
  }

  private async verifyNow(token: string): Promise<Principal | null> {
    try {
      const { payload } = this.devKey
        ? await jwtVerify(token, this.devKey, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE })
        : await jwtVerify(token, this.jwks!, {
            issuer: this.options.issuer,
            audience: this.options.audience,
          });
      return principalFromClaims(payload as Record<string, unknown>);
    } catch {
      return null;
    }
  }

  async issueDevToken(principal: Principal, ttlSeconds = 12 * 3600): Promise<string> {
    if (!this.devKey) throw new Error('dev tokens exist only in dev auth mode');
    return new SignJWT({ ...principal })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(principal.sub)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.devKey);
  }
}
