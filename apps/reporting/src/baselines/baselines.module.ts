import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { changeWriter } from '@intensify/messaging';
import { SCHEMA } from '../config';
import { BaselinesController } from './baselines.controller';
import { BaselinesReader } from './baselines.reader';
import { ImportBaselinesHandler } from './commands/import-baselines/import-baselines.handler';
import { ReportBaselineHandler } from './commands/report-baseline/report-baseline.handler';

@Module({
  imports: [CqrsModule],
  controllers: [BaselinesController],
  providers: [
    changeWriter({ schema: SCHEMA, topic: (t) => t.baselines }),
    ReportBaselineHandler,
    ImportBaselinesHandler,
    BaselinesReader,
  ],
})
export class BaselinesModule {}
