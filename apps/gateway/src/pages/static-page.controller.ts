import { join } from 'node:path';
import { Controller, Get, Param, Res, Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { Public } from '../auth/public.decorator';
import { sendPageFile, sendPageScript } from './page-response';
import { findPublicFolder } from './public-files';

/**
 * A page of static files from `apps/gateway/public/<name>`, no build step: `/<name>` is its
 * `index.html`, `/<name>/assets/<file>` its scripts and styles, and `/<name>/<sub>` each further
 * page listed in `subPages` (e.g. `{ returns: 'returns.html' }`). `scripts` are modules the
 * gateway writes (from the contract), served as assets beside the files.
 */
export function staticPageController(
  name: string,
  subPages: Record<string, string> = {},
  scripts: Record<string, string> = {},
): Type {
  const folder = join(findPublicFolder(__dirname), name);

  @Public()
  @ApiExcludeController()
  @Controller(name)
  class StaticPageController {
    @Get()
    page(@Res() res: Response): void {
      sendPageFile(res, folder, 'index.html');
    }

    @Get('assets/:file')
    asset(@Param('file') file: string, @Res() res: Response): void {
      if (Object.hasOwn(scripts, file)) sendPageScript(res, scripts[file]);
      else sendPageFile(res, folder, file);
    }

    @Get(':sub')
    subPage(@Param('sub') sub: string, @Res() res: Response): void {
      if (!Object.hasOwn(subPages, sub))
        throw new ProblemError('not_found', `No page ${name}/${sub}`);
      sendPageFile(res, folder, subPages[sub]);
    }
  }
  Object.defineProperty(StaticPageController, 'name', { value: `${name}PageController` });
  return StaticPageController;
}
