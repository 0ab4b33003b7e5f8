import { Module } from '@nestjs/common';
import { BoardPageController } from './board-page.controller';
import { CommonAssetsController } from './common-assets.controller';
import { ReportPageController } from './report-page.controller';

/** Web pages served by the gateway: the reporting page and the commanders' board. */
@Module({ controllers: [ReportPageController, BoardPageController, CommonAssetsController] })
export class PagesModule {}
