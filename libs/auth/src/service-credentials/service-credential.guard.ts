import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { ProblemError } from '@intensify/problems';
import { ServiceCredentialVerifier } from './credential-verifier';
import { VerifiedServiceCall } from './verify-credential';

const SERVICE_CALL = Symbol('serviceCall');

/**
 * Every route of an internal service, health and reads included, answers only a caller with a
 * valid service credential for this service; nothing is public on an internal port.
 */
@Injectable()
export class ServiceCredentialGuard implements CanActivate {
  constructor(private readonly verifier: ServiceCredentialVerifier) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const token = req.header('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    if (!token)
      throw new ProblemError(
        'unauthenticated',
        'An internal call needs a service credential (Authorization: Bearer <JWT>)',
      );
    const call = await this.verifier.verify(token);
    if (!call)
      throw new ProblemError(
        'unauthenticated',
        `The service credential is not valid for ${this.verifier.audience}`,
      );
    (req as Request & { [SERVICE_CALL]?: VerifiedServiceCall })[SERVICE_CALL] = call;
    return true;
  }
}

/** The verified call the guard attached to the request. */
export function serviceCallOf(req: Request): VerifiedServiceCall | undefined {
  return (req as Request & { [SERVICE_CALL]?: VerifiedServiceCall })[SERVICE_CALL];
}
