import { Module } from '@nestjs/common';
import { ReportPageController } from './report-page.controller';

/** Web pages served by the gateway (reporting page; later the board and taskings). */
@Module({ controllers: [ReportPageController] })
export class PagesModule {}
