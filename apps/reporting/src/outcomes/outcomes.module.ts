import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { changeWriter } from '@intensify/messaging';
import { SCHEMA } from '../config';
import { CorrectOutcomeHandler } from './commands/correct-outcome/correct-outcome.handler';
import { ImportOutcomesHandler } from './commands/import-outcomes/import-outcomes.handler';
import { RecordOutcomeBatchHandler } from './commands/record-outcome-batch/record-outcome-batch.handler';
import { OutcomeWriteBatcher } from './commands/record-outcome/outcome-write-batcher';
import { RecordOutcomeHandler } from './commands/record-outcome/record-outcome.handler';
import { RetractOutcomeHandler } from './commands/retract-outcome/retract-outcome.handler';
import { OutcomesController } from './outcomes.controller';
import { OutcomesReader } from './outcomes.reader';

@Module({
  imports: [CqrsModule],
  controllers: [OutcomesController],
  providers: [
    changeWriter({ schema: SCHEMA, topic: (t) => t.outcomes }),
    OutcomeWriteBatcher,
    RecordOutcomeHandler,
    RecordOutcomeBatchHandler,
    CorrectOutcomeHandler,
    RetractOutcomeHandler,
    ImportOutcomesHandler,
    OutcomesReader,
  ],
})
export class OutcomesModule {}
