import { Module } from '@nestjs/common';
import { SummaryPdfController } from './summary-pdf.controller';
import { SummaryPdfService } from './summary-pdf.service';

/** The week's summary as PDF, rendered from the summary page by headless Chromium. */
@Module({ controllers: [SummaryPdfController], providers: [SummaryPdfService] })
export class SummaryModule {}
