import { Controller, Get, Param, Res } from '@nestjs/common';
import { Response } from 'express';
import { CSV_COLUMNS, INTERNAL, OutcomeItem, outcomeToCsvCells } from '@intensify/contracts';
import { recordExportRows } from '../access-log/export-rows';
import { PersonLevel } from '../access-log/person-level.decorator';
import { authorize } from '../auth/forbid';
import { BoardService } from '../board/board.service';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { eachPage } from '../upstream/each-page';
import { Caller } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';
import { csvLine, startCsv } from './csv';
import { forceTableRows } from './force-table';

const PAGE = 500;
const OUTCOME_COLUMNS = [
  'id',
  'status',
  'version',
  'createdAt',
  'updatedAt',
  ...CSV_COLUMNS.filter((c) => c !== 'idempotencyKey'),
];

/** CSV downloads of a week: the board's force table and every outcome, in the caller's scope. */
@Controller('api/v1/operations/:operationId')
export class ExportsController {
  constructor(
    private readonly boards: BoardService,
    private readonly upstream: UpstreamClient,
  ) {}

  @Get('board/forces.csv')
  @PersonLevel('force table', { export: 'forces-csv' })
  async forces(
    @Param('operationId') id: string,
    @CurrentCaller() { p, req }: Caller,
    @Res() res: Response,
  ): Promise<void> {
    const board = await this.boards.readFor(p, id);
    const [header, ...rows] = forceTableRows(board);
    await recordExportRows(req, rows.length);
    startCsv(res, `forces-${board.operationId}.csv`);
    res.end([header, ...rows].map(csvLine).join(''));
  }

  /**
   * Every outcome (latest version; retracted ones marked), newest first, scoped like the list
   * endpoint. Written page by page, so a large week never sits in memory at once.
   */
  @Get('outcomes.csv')
  @PersonLevel('outcomes with notes', { export: 'outcomes-csv' })
  async outcomes(
    @Param('operationId') id: string,
    @CurrentCaller() { p, req }: Caller,
    @Res() res: Response,
  ): Promise<void> {
    authorize(p, 'outcome.read');
    const pages = eachPage((cursor) =>
      this.upstream
        .send(INTERNAL.reporting.outcomes.list, {
          params: { operationId: id },
          query: { limit: PAGE, cursor },
          actor: p,
        })
        .then((answer) => answer.body),
    );
    // The first page is read before answering, so a missing week is still a 404 problem.
    const first = await pages.next();
    startCsv(res, `outcomes-${id.replace(/[^0-9a-f-]/gi, '')}.csv`);
    res.write(csvLine(OUTCOME_COLUMNS));
    let rows = 0;
    const write = (items: OutcomeItem[]) => {
      for (const item of items) res.write(csvLine(outcomeRow(item)));
      rows += items.length;
    };
    try {
      write(first.value?.items ?? []);
      for await (const page of pages) write(page.items);
      // The count is on record before the file is complete.
      await recordExportRows(req, rows);
      res.end();
    } catch (e) {
      // Headers are gone: cut the connection so a partial file is never taken for the whole.
      res.destroy(e as Error);
    }
  }
}

function outcomeRow(item: OutcomeItem): unknown[] {
  const cells: Record<string, unknown> = {
    ...outcomeToCsvCells(item.current),
    id: item.id,
    status: item.status,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
  return OUTCOME_COLUMNS.map((c) => cells[c]);
}
