import { Module } from '@nestjs/common';
import { TimelineController } from './timeline.controller';
import { TimelineReader } from './timeline.reader';

@Module({ controllers: [TimelineController], providers: [TimelineReader] })
export class TimelineModule {}
