import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { safeguardingWriter } from '../safeguarding-writer';
import { ActOnHandoffHandler } from './commands/act-on-handoff/act-on-handoff.handler';
import { RaiseHandoffHandler } from './commands/raise-handoff/raise-handoff.handler';
import { HandoffsController } from './handoffs.controller';
import { HandoffsReader } from './handoffs.reader';

@Module({
  imports: [CqrsModule],
  controllers: [HandoffsController],
  providers: [safeguardingWriter, RaiseHandoffHandler, ActOnHandoffHandler, HandoffsReader],
})
export class HandoffsModule {}
