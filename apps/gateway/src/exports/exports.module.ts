import { Module } from '@nestjs/common';
import { BoardModule } from '../board/board.module';
import { UpstreamModule } from '../upstream/upstream.module';
import { ExportsController } from './exports.controller';

/** CSV downloads of a week's figures and outcomes. */
@Module({ imports: [BoardModule, UpstreamModule], controllers: [ExportsController] })
export class ExportsModule {}
