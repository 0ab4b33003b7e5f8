import { Controller, Get, Param, Res } from '@nestjs/common';
import { Response } from 'express';
import { Board } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { openEventStream } from '../live/event-stream';
import { ScopedFrames } from '../live/scoped-frames';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { Caller } from '../upstream/forward';
import { BoardService, scopeBoard } from './board.service';
import { BoardStreamService } from './board-stream.service';

/** A pushed board is scoped and encoded once per read scope, not once per viewer. */
const BOARD_FRAMES = new ScopedFrames<Board>('board', scopeBoard);

@Controller('api/v1/operations/:operationId/board')
export class BoardController {
  constructor(
    private readonly boards: BoardService,
    private readonly stream: BoardStreamService,
  ) {}

  @Get()
  board(@Param('operationId') id: string, @CurrentPrincipal() p: Principal): Promise<Board> {
    return this.boards.readFor(p, id);
  }

  /** Server-Sent Events: `board` with the full board on connect and after every change. */
  @Get('stream')
  async streamBoard(
    @Param('operationId') id: string,
    @CurrentCaller() { p, req }: Caller,
    @Res() res: Response,
  ): Promise<void> {
    authorize(p, 'board.read');
    const first = await this.stream.read(id);
    let unsubscribe = () => {};
    const stream = openEventStream(req, res, () => unsubscribe());
    const send = (board: Board) => stream.sendFrame('board', BOARD_FRAMES.frame(board, p));
    send(first);
    unsubscribe = this.stream.subscribe(first.operationId, { push: send, end: stream.end });
  }
}
