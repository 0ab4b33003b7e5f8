import { join } from 'node:path';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { sendPageFile } from './page-response';
import { findPublicFolder } from './public-files';

const HOME_FOLDER = join(findPublicFolder(__dirname), 'home');

/**
 * The home page at the root: `/` is `home/index.html`, whose scripts and styles are served
 * under `/home/assets/` like any page's.
 */
@Public()
@ApiExcludeController()
@Controller()
export class HomePageController {
  @Get()
  home(@Res() res: Response): void {
    sendPageFile(res, HOME_FOLDER, 'index.html');
  }
}
