import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { intelligenceWriter } from '../intelligence-writer';
import { ImportLineReturnHandler } from './commands/import-line-return/import-line-return.handler';
import { ReturnsController } from './returns.controller';

@Module({
  imports: [CqrsModule],
  controllers: [ReturnsController],
  providers: [intelligenceWriter, ImportLineReturnHandler],
})
export class ReturnsModule {}
