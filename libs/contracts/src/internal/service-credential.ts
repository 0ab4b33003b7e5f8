import { Actor } from '../events/envelope';

/**
 * Every internal call carries a short-lived JWT signed by the calling service (EdDSA over an
 * Ed25519 key pair) in `Authorization: Bearer`. It names the caller (`iss`) and the one service
 * it is for (`aud`), and carries on whose behalf the caller acts: the actor never travels in a
 * header of its own, so it cannot be forged beside a valid credential. The request's correlation
 * id does (`x-correlation-id`): it only labels a trace, grants nothing, and kept out of the
 * credential it lets the caller sign once per audience and actor and reuse that for 50 s.
 */
export const SERVICE_CREDENTIAL = {
  algorithm: 'EdDSA',
  /** Longest lifetime (`exp` - `iat`) a receiving service accepts. */
  maxLifetimeSeconds: 60,
} as const;

/** The `iss` or `aud` naming a service or another caller of the internal services. */
export function serviceIdentity(name: string): string {
  return `intensify:${name}`;
}

export const SERVICE_IDENTITY_PATTERN = /^intensify:[a-z][a-z0-9-]*$/;

/** The credential's own claims, beside the standard `iss`, `aud`, `iat` and `exp`. */
export interface ServiceCredentialClaims {
  /** Whom the caller acts for; absent when it reads for itself (health, an operation's status). */
  actor?: Actor;
  /** Still read when present; callers now send it in `x-correlation-id`. */
  correlationId?: string;
}
