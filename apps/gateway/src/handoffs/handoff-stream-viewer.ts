import { Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { Handoff } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { recordStreamDisclosure } from '../access-log/stream-disclosure';
import { openEventStream } from '../live/event-stream';
import { readOperation } from '../upstream/read-operation';
import { UpstreamClient } from '../upstream/upstream.client';
import { handoffsDisclosed, scopeHandoffs } from './handoff-scope';
import { ALL_HANDOFFS, HandoffStreamService } from './handoff-stream.service';

const logger = new Logger('HandoffStream');

export interface HandoffStreamRequest {
  /** One week's hand-offs; left out, every hand-off in scope (a safeguarding inbox). */
  operationId?: string;
  p: Principal;
  req: Request;
  res: Response;
}

/**
 * One viewer's `handoffs` stream: the scoped list on connect and after every change. Before a
 * frame goes out, the ids and subjects it newly discloses are added to the stream's access-log
 * entry; when that cannot be written the stream ends instead, so nothing unlogged is sent.
 * Frames go out in order, each after the one before.
 */
export async function openHandoffStream(
  handoffs: HandoffStreamService,
  upstream: UpstreamClient,
  { operationId, p, req, res }: HandoffStreamRequest,
): Promise<void> {
  const op = operationId ? await readOperation(upstream, operationId) : null;
  const key = op?.id ?? ALL_HANDOFFS;
  const logged = { ids: new Set<string>(), refs: new Set<string>() };
  const disclose = async (items: Handoff[]) => {
    const { resourceIds, subjectRefs } = handoffsDisclosed(items);
    const ids = resourceIds.filter((id) => !logged.ids.has(id));
    const refs = subjectRefs.filter((r) => !logged.refs.has(r));
    if (!ids.length && !refs.length) return;
    await recordStreamDisclosure(req, { resourceIds: ids, subjectRefs: refs });
    ids.forEach((id) => logged.ids.add(id));
    refs.forEach((r) => logged.refs.add(r));
  };
  const first = scopeHandoffs(await handoffs.read(key), p);
  await disclose(first);
  let unsubscribe = () => {};
  let closed = false;
  const stream = openEventStream(req, res, () => {
    closed = true;
    unsubscribe();
  });
  const frame = (items: Handoff[]) => ({ operationId: op?.id ?? null, items });
  stream.send('handoffs', frame(first));
  let queue = Promise.resolve();
  const push = (all: Handoff[]) => {
    const items = scopeHandoffs(all, p);
    queue = queue
      .then(() => (closed ? undefined : disclose(items)))
      .then(
        // A frame still queued when the viewer left is dropped, never written to a closed stream.
        () => {
          if (!closed) stream.send('handoffs', frame(items));
        },
        (e: Error) => {
          logger.warn(`hand-off stream ended: its access log could not be written (${e.message})`);
          stream.end();
        },
      );
  };
  unsubscribe = handoffs.subscribe(key, { push, end: stream.end });
}
