import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { RebuildController } from './rebuild.controller';
import { RebuildService } from './rebuild.service';

@Module({
  imports: [ReadModelsModule],
  controllers: [RebuildController],
  providers: [RebuildService],
})
export class RebuildModule {}
