import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import { InboxStreamService } from './inbox-stream.service';
import { InboxController } from './inbox.controller';

/** Each user's inbox of notifications, its unread count and its live stream. */
@Module({
  imports: [UpstreamModule],
  controllers: [InboxController],
  providers: [InboxStreamService],
})
export class InboxModule {}
