import { Module } from '@nestjs/common';
import { TimelineController } from './timeline.controller';
import { TimelineReader } from './timeline.reader';

/** Outcomes per hour for the board's timeline; kept by the board's own consumer. */
@Module({ controllers: [TimelineController], providers: [TimelineReader] })
export class TimelineModule {}
