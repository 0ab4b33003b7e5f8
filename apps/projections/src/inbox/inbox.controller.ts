import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  Actor,
  INTERNAL,
  InboxPage,
  InboxUnread,
  validateInboxQuery,
  validateInboxRead,
} from '@intensify/contracts';
import { AUDIENCE, CallingActor } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { BoardChangesPublisher } from '../read-models/board-changes.publisher';
import { InboxReader } from './inbox.reader';

const ROUTES = INTERNAL.projections.inbox;

/** The calling user's inbox; the gateway names the user as the actor of its credential. */
@Controller(ROUTES.controller)
export class InboxController {
  constructor(
    private readonly reader: InboxReader,
    private readonly changes: BoardChangesPublisher,
  ) {}

  @Get(ROUTES.list.path)
  list(@Query() query: Record<string, unknown>, @CallingActor() actor: Actor): Promise<InboxPage> {
    const q = validateInboxQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return this.reader.list(actor, q.value);
  }

  @Get(ROUTES.unread.path)
  async unread(@CallingActor() actor: Actor): Promise<InboxUnread> {
    return { unread: await this.reader.unread(actor) };
  }

  /** Once committed, every gateway's streams of this user hear of it. */
  @Post(ROUTES.markRead.path)
  @HttpCode(200)
  async markRead(@Body() body: unknown, @CallingActor() actor: Actor): Promise<InboxUnread> {
    const request = validateInboxRead(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    const unread = await this.reader.markRead(actor, request.value);
    await this.changes.publishInboxes([AUDIENCE.user(actor.sub)]);
    return { unread };
  }
}
