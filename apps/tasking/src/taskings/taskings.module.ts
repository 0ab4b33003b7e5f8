import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IssueTaskingsHandler } from './commands/issue-taskings/issue-taskings.handler';
import { TransitionTaskingHandler } from './commands/transition-tasking/transition-tasking.handler';
import { GetTaskingHandler } from './queries/get-tasking/get-tasking.handler';
import { ListTaskingsHandler } from './queries/list-taskings/list-taskings.handler';
import { TaskingsController } from './taskings.controller';

@Module({
  imports: [CqrsModule],
  controllers: [TaskingsController],
  providers: [
    IssueTaskingsHandler,
    TransitionTaskingHandler,
    GetTaskingHandler,
    ListTaskingsHandler,
  ],
})
export class TaskingsModule {}
