import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { InboxController } from './inbox.controller';
import { InboxReader } from './inbox.reader';

@Module({ imports: [ReadModelsModule], controllers: [InboxController], providers: [InboxReader] })
export class InboxModule {}
