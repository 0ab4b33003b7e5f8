import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { taskingWriter } from '../tasking-writer';
import { IssueTaskingsHandler } from './commands/issue-taskings/issue-taskings.handler';
import { TransitionTaskingHandler } from './commands/transition-tasking/transition-tasking.handler';
import { TaskingsController } from './taskings.controller';
import { TaskingsReader } from './taskings.reader';

@Module({
  imports: [CqrsModule],
  controllers: [TaskingsController],
  providers: [taskingWriter, IssueTaskingsHandler, TransitionTaskingHandler, TaskingsReader],
})
export class TaskingsModule {}
