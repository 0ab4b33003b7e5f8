import { Request } from 'express';
import { Disclosed } from './person-level.decorator';

const DISCLOSURE = Symbol('streamDisclosure');

type Recorder = (disclosed: Disclosed) => Promise<void>;

/** Set by the interceptor on a stream it has logged: where what each frame discloses goes. */
export function attachDisclosure(req: Request, record: Recorder): void {
  (req as unknown as Record<symbol, Recorder>)[DISCLOSURE] = record;
}

/**
 * Adds what a frame of a person-level stream discloses (ids, people) to the stream's entry in
 * the access log; the stream awaits it before sending the frame, so nothing reaches the viewer
 * that the log does not name. A rejection means the frame must not be sent.
 */
export function recordStreamDisclosure(req: Request, disclosed: Disclosed): Promise<void> {
  const record = (req as unknown as Record<symbol, Recorder | undefined>)[DISCLOSURE];
  if (!record) throw new Error(`${req.method} ${req.path} is not a logged stream: @PersonLevel it`);
  return record(disclosed);
}
