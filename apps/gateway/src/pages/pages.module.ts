import { Module } from '@nestjs/common';
import { LinesPageController } from './lines-page.controller';
import { ReportPageController } from './report-page.controller';

/** Web pages served by the gateway: reporting, and the county lines register. */
@Module({ controllers: [ReportPageController, LinesPageController] })
export class PagesModule {}
