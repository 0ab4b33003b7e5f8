import { Module } from '@nestjs/common';
import { BoardPageController } from './board-page.controller';
import { HANDOFF_LISTS_MODULE } from './handoff-lists';
import { HomePageController } from './home-page.controller';
import { staticPageController } from './static-page.controller';

/**
 * Web pages served by the gateway: home (`/`: what needs the user now, and cards for the pages
 * the role may use), the NCLCC's planning of weeks, reporting (regional coordinators and force users), taskings
 * (the NCLCC issues and watches, regions and forces respond), the commanders' board, the county
 * lines register and its monthly returns, safeguarding hand-offs (force safeguarding leads,
 * regional coordinators and the NCLCC), weekly baselines (those who report), every user's
 * inbox of notifications, the NCLCC's desks (DDTROs, deconfliction, line holders; regional
 * coordinators read them) and its audit and access log, `auth`, where the organisation's provider sends a
 * sign-in or sign-out back, and `common`, the modules and styles the pages share.
 */
@Module({
  controllers: [
    HomePageController,
    staticPageController('home'),
    staticPageController('weeks'),
    staticPageController('report'),
    staticPageController('taskings'),
    staticPageController('lines', { returns: 'returns.html' }),
    staticPageController('safeguarding', {}, { 'handoff-lists.js': HANDOFF_LISTS_MODULE }),
    staticPageController('baselines'),
    staticPageController('ddtros'),
    staticPageController('deconfliction'),
    staticPageController('holders'),
    staticPageController('audit'),
    staticPageController('inbox'),
    staticPageController('auth', { callback: 'callback.html', 'signed-out': 'callback.html' }),
    staticPageController('common'),
    BoardPageController,
  ],
})
export class PagesModule {}
