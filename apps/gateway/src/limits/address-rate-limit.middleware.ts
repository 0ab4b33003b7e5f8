import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { isDevSignIn, isUnlimited } from './limited-routes';
import { RateLimits } from './rate-limits';

/**
 * Counts every API request against its client address before anything else is done for it,
 * and dev sign-ins against their own, stricter limit (each mints a token).
 */
@Injectable()
export class AddressRateLimitMiddleware implements NestMiddleware {
  constructor(private readonly limits: RateLimits) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const path = req.originalUrl.split('?')[0];
    try {
      if (!isUnlimited(path)) {
        const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        await this.limits.consume('address', address, res);
        if (isDevSignIn(req.method, path)) await this.limits.consume('devToken', address, res);
      }
      next();
    } catch (e) {
      next(e);
    }
  }
}
