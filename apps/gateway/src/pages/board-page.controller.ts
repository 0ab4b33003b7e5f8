import { join } from 'node:path';
import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { sendPageFile } from './page-response';
import { findPublicFolder } from './public-files';

const BOARD_FOLDER = join(findPublicFolder(__dirname), 'board');
const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/**
 * The commanders' live board (`/board/{operationId}`, or `/board` to pick a week) and the
 * week's printable summary (`/board/{operationId}/summary`). The page reads the id from its
 * address and everything else from the API with the viewer's own token.
 */
@Public()
@ApiExcludeController()
@Controller('board')
export class BoardPageController {
  @Get()
  pick(@Res() res: Response): void {
    sendPageFile(res, BOARD_FOLDER, 'index.html');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    sendPageFile(res, BOARD_FOLDER, file);
  }

  @Get(':operationId')
  board(@Param('operationId', uuid) _id: string, @Res() res: Response): void {
    sendPageFile(res, BOARD_FOLDER, 'index.html');
  }

  @Get(':operationId/summary')
  summary(@Param('operationId', uuid) _id: string, @Res() res: Response): void {
    sendPageFile(res, BOARD_FOLDER, 'summary.html');
  }
}
