import { join } from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { Public } from '../auth/public.decorator';
import { findPublicFolder, readPublicFile } from './public-files';

const REPORT_FOLDER = join(findPublicFolder(__dirname), 'report');

/** The page only talks to this origin's API; nothing else may load or frame it. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The reporting page for regional coordinators and force users: static files, no build step. */
@Public()
@ApiExcludeController()
@Controller('report')
export class ReportPageController {
  @Get()
  page(@Res() res: Response): void {
    send(res, 'index.html');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    send(res, file);
  }
}

function send(res: Response, name: string): void {
  const file = readPublicFile(REPORT_FOLDER, name);
  if (!file) throw new ProblemError('not_found', `No page asset named ${name}`);
  // no-cache: the page changes with the API, so browsers revalidate (ETag) on every load.
  res
    .status(200)
    .set({ ...SECURITY_HEADERS, 'content-type': file.contentType, 'cache-control': 'no-cache' })
    .send(file.body);
}
