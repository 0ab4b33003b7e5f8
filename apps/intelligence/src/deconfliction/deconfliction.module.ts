import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { intelligenceWriter } from '../intelligence-writer';
import { ActOnAlertHandler } from './commands/act-on-alert/act-on-alert.handler';
import { DeconflictionController } from './deconfliction.controller';
import { DeconflictionReader } from './deconfliction.reader';

@Module({
  imports: [CqrsModule],
  controllers: [DeconflictionController],
  providers: [intelligenceWriter, DeconflictionReader, ActOnAlertHandler],
})
export class DeconflictionModule {}
