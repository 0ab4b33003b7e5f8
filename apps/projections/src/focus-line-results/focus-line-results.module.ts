import { Module } from '@nestjs/common';
import { FocusLineResultsController } from './focus-line-results.controller';
import { FocusLineResultsReader } from './focus-line-results.reader';

@Module({ controllers: [FocusLineResultsController], providers: [FocusLineResultsReader] })
export class FocusLineResultsModule {}
