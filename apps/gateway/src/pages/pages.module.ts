import { Module } from '@nestjs/common';
import { staticPageController } from './static-page.controller';

/**
 * Web pages served by the gateway: reporting (regional coordinators and force users) and
 * taskings (the NCLCC issues and watches, regions and forces respond); later the board.
 */
@Module({ controllers: [staticPageController('report'), staticPageController('taskings')] })
export class PagesModule {}
