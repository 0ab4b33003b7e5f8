import { KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import {
  Actor,
  SERVICE_CREDENTIAL,
  SERVICE_IDENTITY_PATTERN,
  serviceIdentity,
} from '@intensify/contracts';
import { principalFromClaims } from '../principal';

/** What a valid credential says about the call it came with. */
export interface VerifiedServiceCall {
  /** The calling service, e.g. `intensify:gateway`. */
  caller: string;
  actor?: Actor;
  correlationId?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Allowance for the clocks of two hosts disagreeing a little. */
const CLOCK_TOLERANCE_S = 5;

/**
 * Checks a credential for the service `audience`: signed with the pinned algorithm by the key
 * pair's private half, for this audience, current, living no longer than allowed, with a
 * well-formed caller and actor. Anything else is null (the caller answers 401).
 */
export async function verifyServiceCredential(
  token: string,
  key: KeyObject,
  audience: string,
): Promise<VerifiedServiceCall | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [SERVICE_CREDENTIAL.algorithm],
      audience: serviceIdentity(audience),
      requiredClaims: ['iss', 'iat', 'exp'],
      maxTokenAge: SERVICE_CREDENTIAL.maxLifetimeSeconds,
      clockTolerance: CLOCK_TOLERANCE_S,
    });
    const { iss, iat, exp, actor, correlationId } = payload;
    if (!SERVICE_IDENTITY_PATTERN.test(iss!)) return null;
    if (exp! - iat! > SERVICE_CREDENTIAL.maxLifetimeSeconds) return null;
    const principal = actor === undefined ? undefined : actorOf(actor);
    if (principal === null) return null;
    if (correlationId !== undefined && !isCorrelationId(correlationId)) return null;
    return {
      caller: iss!,
      ...(principal && { actor: principal }),
      ...(correlationId !== undefined && { correlationId }),
      expiresAt: exp! * 1000,
    };
  } catch {
    return null;
  }
}

function actorOf(claim: unknown): Actor | null {
  if (typeof claim !== 'object' || claim === null) return null;
  return principalFromClaims(claim as Record<string, unknown>);
}

function isCorrelationId(v: unknown): v is string {
  return typeof v === 'string' && /^[\x21-\x7e]{1,200}$/.test(v);
}
