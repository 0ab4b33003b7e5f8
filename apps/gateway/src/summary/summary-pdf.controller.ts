import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { bearer } from '../auth/bearer.guard';
import { PersonLevel } from '../access-log/person-level.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { SummaryPdfService } from './summary-pdf.service';

@Controller('api/v1/operations/:operationId')
export class SummaryPdfController {
  constructor(private readonly pdf: SummaryPdfService) {}

  /** The week's summary (the `/board/{id}/summary` page) as an A4 PDF, in the caller's scope. */
  @Get('summary.pdf')
  @PersonLevel('week summary', { export: 'summary-pdf' })
  async summary(
    @Param('operationId') id: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(p, 'board.read');
    if (!/^[0-9a-f-]{36}$/i.test(id))
      throw new ProblemError('not_found', `No operation with id ${id}`);
    const body = await this.pdf.render(id, bearer(req)!);
    res
      .status(200)
      .set({
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="summary-${id}.pdf"`,
        'cache-control': 'no-store',
      })
      .send(body);
  }
}
