import { KeyObject } from 'node:crypto';
import { Actor, SERVICE_CREDENTIAL } from '@intensify/contracts';
import { ExpiringCache } from './expiring-cache';
import { issueServiceCredential } from './issue-credential';

/** A cached credential is used while at least this long of its life is left. */
const REUSE_UNTIL_LEFT_S = 15;

export interface CallerOf {
  actor?: Actor;
  correlationId?: string;
}

/**
 * The credentials one calling service sends: one per audience, actor and correlation id, kept
 * for most of its life. A request that calls the same service twice signs once, and the reads
 * a service makes for itself (no actor) sign about once a minute.
 */
export class ServiceCredentialSigner {
  private readonly cache = new ExpiringCache<Promise<string>>();

  constructor(
    private readonly issuer: string,
    private readonly key: KeyObject,
  ) {}

  credentialFor(audience: string, { actor, correlationId }: CallerOf = {}): Promise<string> {
    const key = [
      audience,
      actor?.sub,
      actor?.role,
      actor?.region,
      actor?.force,
      correlationId,
    ].join('\u0000');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const issuedAt = Math.floor(Date.now() / 1000);
    const credential = issueServiceCredential(this.key, {
      issuer: this.issuer,
      audience,
      actor,
      correlationId,
      issuedAt,
    });
    const reuseFor = SERVICE_CREDENTIAL.maxLifetimeSeconds - REUSE_UNTIL_LEFT_S;
    this.cache.set(key, credential, (issuedAt + reuseFor) * 1000);
    return credential;
  }
}
