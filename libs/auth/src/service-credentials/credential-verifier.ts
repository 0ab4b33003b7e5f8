import { KeyObject } from 'node:crypto';
import { ExpiringCache } from './expiring-cache';
import { VerifiedServiceCall, verifyServiceCredential } from './verify-credential';

/**
 * Checks the credentials sent to one service. A credential that passed is remembered until it
 * expires: callers reuse theirs, and a signature check costs more than the rest of a read.
 */
export class ServiceCredentialVerifier {
  private readonly verified = new ExpiringCache<VerifiedServiceCall>();

  constructor(
    readonly audience: string,
    private readonly key: KeyObject,
  ) {}

  async verify(token: string): Promise<VerifiedServiceCall | null> {
    const hit = this.verified.get(token);
    if (hit) return hit;
    const call = await verifyServiceCredential(token, this.key, this.audience);
    if (call) this.verified.set(token, call, call.expiresAt);
    return call;
  }
}
