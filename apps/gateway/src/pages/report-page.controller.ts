import { join } from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { findPublicFolder, sendPublicFile } from './public-files';

const REPORT_FOLDER = join(findPublicFolder(__dirname), 'report');

/** The reporting page for regional coordinators and force users: static files, no build step. */
@Public()
@ApiExcludeController()
@Controller('report')
export class ReportPageController {
  @Get()
  page(@Res() res: Response): void {
    sendPublicFile(res, REPORT_FOLDER, 'index.html');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    sendPublicFile(res, REPORT_FOLDER, file);
  }
}
