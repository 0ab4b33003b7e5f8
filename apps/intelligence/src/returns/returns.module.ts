import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ImportLineReturnHandler } from './commands/import-line-return/import-line-return.handler';
import { ReturnsController } from './returns.controller';

@Module({
  imports: [CqrsModule],
  controllers: [ReturnsController],
  providers: [ImportLineReturnHandler],
})
export class ReturnsModule {}
