import { KeyObject } from 'node:crypto';
import { Actor, SERVICE_CREDENTIAL } from '@intensify/contracts';
import { ExpiringCache } from './expiring-cache';
import { issueServiceCredential } from './issue-credential';

/**
 * A cached credential is sent while at least this long of its life is left: the receiver's
 * clock may run a few seconds ahead, and a slow call must still arrive before `exp`.
 */
const REUSE_UNTIL_LEFT_S = 10;

/**
 * The credentials one calling service sends: one per audience and actor, signed once and sent
 * for the first 50 of its 60 seconds. The request's correlation id is not in it (it travels in
 * `x-correlation-id`, see INTERNAL_HEADERS), so a user's requests to one service share one
 * credential and the receiver verifies it once, not per request.
 */
export class ServiceCredentialSigner {
  private readonly cache = new ExpiringCache<Promise<string>>();

  constructor(
    private readonly issuer: string,
    private readonly key: KeyObject,
  ) {}

  credentialFor(audience: string, actor?: Actor): Promise<string> {
    const key = [audience, actor?.sub, actor?.role, actor?.region, actor?.force].join('\u0000');
    const now = Date.now();
    const cached = this.cache.get(key, now);
    if (cached) return cached;
    const issuedAt = Math.floor(now / 1000);
    const credential = issueServiceCredential(this.key, {
      issuer: this.issuer,
      audience,
      actor,
      issuedAt,
    });
    // A failed signing is not remembered: the next call tries again.
    credential.catch(() => this.cache.delete(key));
    const reuseFor = SERVICE_CREDENTIAL.maxLifetimeSeconds - REUSE_UNTIL_LEFT_S;
    this.cache.set(key, credential, (issuedAt + reuseFor) * 1000);
    return credential;
  }
}
