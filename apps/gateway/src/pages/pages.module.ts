import { Module } from '@nestjs/common';
import { BoardPageController } from './board-page.controller';
import { staticPageController } from './static-page.controller';

/**
 * Web pages served by the gateway: reporting (regional coordinators and force users), taskings
 * (the NCLCC issues and watches, regions and forces respond), the commanders' board, the county
 * lines register and its monthly returns, and
 * `common`, the modules and styles the pages share.
 */
@Module({
  controllers: [
    staticPageController('report'),
    staticPageController('taskings'),
    staticPageController('lines', { returns: 'returns.html' }),
    staticPageController('common'),
    BoardPageController,
  ],
})
export class PagesModule {}
