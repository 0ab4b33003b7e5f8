import { KeyObject } from 'node:crypto';
import { ExpiringCache } from './expiring-cache';
import { VerifiedServiceCall, verifyServiceCredential } from './verify-credential';

/**
 * Checks the credentials sent to one service. A credential that passed is remembered, keyed by
 * its exact text, until its `exp`: callers reuse theirs for most of a minute, and a signature
 * check costs more than the rest of a read. A refused one is checked again each time.
 */
export class ServiceCredentialVerifier {
  private readonly verified: ExpiringCache<VerifiedServiceCall>;
  /** Checks under way, so that a burst arriving with a new credential checks it once. */
  private readonly checking = new Map<string, Promise<VerifiedServiceCall | null>>();

  constructor(
    readonly audience: string,
    private readonly key: KeyObject,
    maxRemembered = 10_000,
  ) {
    this.verified = new ExpiringCache(maxRemembered);
  }

  verify(token: string): Promise<VerifiedServiceCall | null> {
    const hit = this.verified.get(token);
    if (hit) return Promise.resolve(hit);
    const under = this.checking.get(token);
    if (under) return under;
    const check = verifyServiceCredential(token, this.key, this.audience).then((call) => {
      this.checking.delete(token);
      if (call) this.verified.set(token, call, call.expiresAt);
      return call;
    });
    this.checking.set(token, check);
    return check;
  }
}
