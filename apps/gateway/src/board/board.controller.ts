import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { Board } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { BoardService, scopeBoard } from './board.service';
import { BoardStreamService } from './board-stream.service';

const HEARTBEAT_MS = 15_000;

@Controller('api/v1/operations/:operationId/board')
export class BoardController {
  constructor(
    private readonly boards: BoardService,
    private readonly stream: BoardStreamService,
  ) {}

  @Get()
  async board(@Param('operationId') id: string, @CurrentPrincipal() p: Principal): Promise<Board> {
    authorize(p, 'board.read');
    return scopeBoard(await this.boards.read(id), p);
  }

  /** Server-Sent Events: `board` with the full board on connect and after every change. */
  @Get('stream')
  async streamBoard(
    @Param('operationId') id: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(p, 'board.read');
    const first = await this.boards.read(id);
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (board: Board) =>
      res.write(`event: board\ndata: ${JSON.stringify(scopeBoard(board, p))}\n\n`);
    res.write('retry: 2000\n\n');
    send(first);
    const unsubscribe = this.stream.subscribe(first.operationId, {
      push: send,
      end: () => res.end(),
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }
}
