import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Request, Response } from 'express';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { PRINCIPAL } from '../auth/current-principal.decorator';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { STREAM_STUCK_MS } from '../live/event-stream';
import { isCsvUpload, isStream, isUnlimited } from './limited-routes';
import { RateLimits } from './rate-limits';
import { StreamSlots } from './stream-slots';

/** Seconds a caller refused a stream is told to wait: streams close when viewers leave. */
const STREAM_RETRY_AFTER_S = 5;

/**
 * Runs after the bearer guard, once the caller is known: counts the request against its user,
 * an upload against the user's upload limit, and holds one of the user's stream slots for as
 * long as a live stream stays open.
 */
@Injectable()
export class UserLimitsGuard implements CanActivate {
  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly limits: RateLimits,
    private readonly slots: StreamSlots,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const principal = (req as unknown as Record<string, Principal | undefined>)[PRINCIPAL];
    if (!principal || isUnlimited(req.path)) return true;
    await this.limits.consume('user', principal.sub, res);
    if (isCsvUpload(req.method, req.path)) await this.limits.consume('upload', principal.sub, res);
    if (isStream(req.path)) {
      await this.holdStreamSlot(principal.sub, res);
      Object.assign(req, { [STREAM_STUCK_MS]: this.env.STREAM_STUCK_MS });
    }
    return true;
  }

  private async holdStreamSlot(sub: string, res: Response): Promise<void> {
    try {
      const release = await this.slots.take(sub);
      res.on('close', release);
    } catch (e) {
      if (e instanceof ProblemError) res.setHeader('retry-after', String(STREAM_RETRY_AFTER_S));
      throw e;
    }
  }
}
