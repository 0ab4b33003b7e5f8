import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OutboxModule } from '../outbox/outbox.module';
import { RecordOutcomeHandler } from './commands/record-outcome/record-outcome.handler';
import { OutcomesController } from './outcomes.controller';

@Module({
  imports: [CqrsModule, OutboxModule],
  controllers: [OutcomesController],
  providers: [RecordOutcomeHandler],
})
export class OutcomesModule {}
