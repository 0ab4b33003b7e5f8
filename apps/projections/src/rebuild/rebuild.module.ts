import { Module } from '@nestjs/common';
import { BoardModule } from '../board/board.module';
import { RebuildController } from './rebuild.controller';
import { RebuildService } from './rebuild.service';

@Module({ imports: [BoardModule], controllers: [RebuildController], providers: [RebuildService] })
export class RebuildModule {}
