import { join } from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { sendPageFile } from './page-response';
import { findPublicFolder } from './public-files';

const COMMON_FOLDER = join(findPublicFolder(__dirname), 'common');

/** Modules the pages share: the API client, sign-in, field errors, units. */
@Public()
@ApiExcludeController()
@Controller('common')
export class CommonAssetsController {
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    sendPageFile(res, COMMON_FOLDER, file);
  }
}
