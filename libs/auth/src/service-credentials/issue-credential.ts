import { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  Actor,
  SERVICE_CREDENTIAL,
  ServiceCredentialClaims,
  serviceIdentity,
} from '@intensify/contracts';

export interface CredentialRequest {
  /** The calling service, e.g. `gateway`. */
  issuer: string;
  /** The one service the credential is for, e.g. `reporting`. */
  audience: string;
  actor?: Actor;
  correlationId?: string;
  /** At most `SERVICE_CREDENTIAL.maxLifetimeSeconds`, which is also the default. */
  lifetimeSeconds?: number;
  /** Seconds since the epoch; now unless given. */
  issuedAt?: number;
}

/** Signs a service credential for one call (or, cached, for a few) to one service. */
export async function issueServiceCredential(
  key: KeyObject,
  r: CredentialRequest,
): Promise<string> {
  const lifetime = r.lifetimeSeconds ?? SERVICE_CREDENTIAL.maxLifetimeSeconds;
  if (lifetime > SERVICE_CREDENTIAL.maxLifetimeSeconds)
    throw new Error(
      `a service credential lives at most ${SERVICE_CREDENTIAL.maxLifetimeSeconds} s`,
    );
  const iat = r.issuedAt ?? Math.floor(Date.now() / 1000);
  const claims: ServiceCredentialClaims = {
    ...(r.actor && { actor: actorClaims(r.actor) }),
    ...(r.correlationId && { correlationId: r.correlationId }),
  };
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: SERVICE_CREDENTIAL.algorithm })
    .setIssuer(serviceIdentity(r.issuer))
    .setAudience(serviceIdentity(r.audience))
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .sign(key);
}

/** Only the actor's identity and scope, whatever else the caller's object holds. */
function actorClaims(a: Actor): Actor {
  return {
    sub: a.sub,
    role: a.role,
    ...(a.region && { region: a.region }),
    ...(a.force && { force: a.force }),
  };
}
