import { join } from 'node:path';
import { Controller, Get, Param, Res, Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { Public } from '../auth/public.decorator';
import { findPublicFolder, readPublicFile } from './public-files';

/** A page only talks to this origin's API; nothing else may load or frame it. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * A page of static files from `apps/gateway/public/<name>`, no build step: `/<name>` is its
 * `index.html`, `/<name>/assets/<file>` its scripts and styles.
 */
export function staticPageController(name: string): Type {
  const folder = join(findPublicFolder(__dirname), name);

  @Public()
  @ApiExcludeController()
  @Controller(name)
  class StaticPageController {
    @Get()
    page(@Res() res: Response): void {
      send(res, folder, 'index.html');
    }

    @Get('assets/:file')
    asset(@Param('file') file: string, @Res() res: Response): void {
      send(res, folder, file);
    }
  }
  Object.defineProperty(StaticPageController, 'name', { value: `${name}PageController` });
  return StaticPageController;
}

function send(res: Response, folder: string, name: string): void {
  const file = readPublicFile(folder, name);
  if (!file) throw new ProblemError('not_found', `No page asset named ${name}`);
  // no-cache: the page changes with the API, so browsers revalidate (ETag) on every load.
  res
    .status(200)
    .set({ ...SECURITY_HEADERS, 'content-type': file.contentType, 'cache-control': 'no-cache' })
    .send(file.body);
}
