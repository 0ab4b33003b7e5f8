import { randomUUID } from 'node:crypto';
import { Request } from 'express';

const HEADER = 'x-correlation-id';

/** The caller's correlation id when it sent a sensible one, else a new one kept on the request. */
export function correlationIdOf(req: Request): string {
  const r = req as Request & { correlationId?: string };
  if (!r.correlationId) {
    const given = req.header(HEADER);
    r.correlationId = given && /^[\x21-\x7e]{1,200}$/.test(given) ? given : randomUUID();
  }
  return r.correlationId;
}
