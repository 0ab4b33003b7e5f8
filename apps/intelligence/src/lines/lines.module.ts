import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { intelligenceWriter } from '../intelligence-writer';
import { AddNumberHandler } from './commands/add-number/add-number.handler';
import { RegisterLineHandler } from './commands/register-line/register-line.handler';
import { UpdateLineHandler } from './commands/update-line/update-line.handler';
import { LinesController } from './lines.controller';
import { LinesReader } from './lines.reader';

@Module({
  imports: [CqrsModule],
  controllers: [LinesController],
  providers: [
    intelligenceWriter,
    RegisterLineHandler,
    UpdateLineHandler,
    AddNumberHandler,
    LinesReader,
  ],
})
export class LinesModule {}
