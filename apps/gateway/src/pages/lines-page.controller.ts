import { join } from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { sendPageFile } from './page-response';
import { findPublicFolder } from './public-files';

const LINES_FOLDER = join(findPublicFolder(__dirname), 'lines');

/** The county lines register (/lines) and the monthly-return upload (/lines/returns). */
@Public()
@ApiExcludeController()
@Controller('lines')
export class LinesPageController {
  @Get()
  register(@Res() res: Response): void {
    sendPageFile(res, LINES_FOLDER, 'index.html');
  }

  @Get('returns')
  returns(@Res() res: Response): void {
    sendPageFile(res, LINES_FOLDER, 'returns.html');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    sendPageFile(res, LINES_FOLDER, file);
  }
}
