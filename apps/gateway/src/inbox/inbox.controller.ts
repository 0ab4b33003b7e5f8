import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import {
  INTERNAL,
  InboxPage,
  InboxPush,
  InboxUnread,
  validateInboxQuery,
  validateInboxRead,
} from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { openEventStream } from '../live/event-stream';
import { Caller } from '../upstream/forward';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { UpstreamClient } from '../upstream/upstream.client';
import { InboxStreamService } from './inbox-stream.service';

const INBOX = INTERNAL.projections.inbox;
/** How many of the newest notifications a stream push carries. */
const LATEST = 5;

/** Each user's notifications, addressed to their role and scope, read or not by them. */
@Controller('api/v1/inbox')
export class InboxController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly stream: InboxStreamService,
  ) {}

  /** Newest first; `unread=true` keeps the unread ones. */
  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() p: Principal,
  ): Promise<InboxPage> {
    authorize(p, 'inbox.read');
    const q = validateInboxQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return (await this.upstream.send(INBOX.list, { query: q.value, actor: p })).body;
  }

  @Get('unread-count')
  async unread(@CurrentPrincipal() p: Principal): Promise<InboxUnread> {
    authorize(p, 'inbox.read');
    return (await this.upstream.send(INBOX.unread, { actor: p })).body;
  }

  /** `{ ids }` (those outside the caller's inbox are ignored) or `{ all: true }`. */
  @Post('read')
  @HttpCode(200)
  async markRead(@Body() body: unknown, @CurrentPrincipal() p: Principal): Promise<InboxUnread> {
    authorize(p, 'inbox.read');
    const request = validateInboxRead(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    return (await this.upstream.send(INBOX.markRead, { body: request.value, actor: p })).body;
  }

  /**
   * Server-Sent Events: `inbox` with the unread count and the newest notifications on connect
   * and after every change to the caller's inbox (a new notification, a read mark, on any
   * gateway), coalesced.
   */
  @Get('stream')
  async streamInbox(@CurrentCaller() { p, req }: Caller, @Res() res: Response): Promise<void> {
    authorize(p, 'inbox.read');
    const read = async (): Promise<InboxPush> => {
      const page = (
        await this.upstream.send(INBOX.list, { query: { limit: String(LATEST) }, actor: p })
      ).body;
      return { unread: page.unread, latest: page.items };
    };
    const first = await read();
    let unsubscribe = () => {};
    let closed = false;
    const stream = openEventStream(req, res, () => {
      closed = true;
      unsubscribe();
    });
    stream.send('inbox', first);
    // One read at a time; changes during a read make one more read after it.
    let reading: Promise<void> | null = null;
    let again = false;
    const push = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = read()
        .then((value) => (closed ? undefined : stream.send('inbox', value)))
        .catch(() => undefined)
        .finally(() => {
          reading = null;
          if (again && !closed) {
            again = false;
            push();
          }
        });
    };
    unsubscribe = this.stream.subscribe(p, { push, end: stream.end });
  }
}
