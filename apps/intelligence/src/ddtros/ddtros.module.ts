import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { intelligenceWriter } from '../intelligence-writer';
import { ApplyDdtrosHandler } from './commands/apply-ddtros/apply-ddtros.handler';
import { ApplyReplacementsHandler } from './commands/apply-replacements/apply-replacements.handler';
import { DecideDdtroHandler } from './commands/decide-ddtro/decide-ddtro.handler';
import { DdtrosController } from './ddtros.controller';
import { DdtrosReader } from './ddtros.reader';
import { ProviderDeadlineHandler } from './deadlines/provider-deadline.handler';
import { ProviderDeadlineQueue } from './deadlines/provider-deadline.queue';
import { ProviderDeadlineWorker } from './deadlines/provider-deadline.worker';
import { ProviderDeadlinesConsumer } from './deadlines/provider-deadlines.consumer';

@Module({
  imports: [CqrsModule],
  controllers: [DdtrosController],
  providers: [
    intelligenceWriter,
    ApplyDdtrosHandler,
    ApplyReplacementsHandler,
    DecideDdtroHandler,
    DdtrosReader,
    ProviderDeadlineQueue,
    ProviderDeadlineHandler,
    ProviderDeadlineWorker,
    ProviderDeadlinesConsumer,
  ],
  exports: [ProviderDeadlineQueue, ProviderDeadlinesConsumer],
})
export class DdtrosModule {}
