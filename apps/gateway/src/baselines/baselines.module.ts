import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import { BaselinesController } from './baselines.controller';
import { ComparisonController } from './comparison.controller';
import { GamingCheckController } from './gaming-check.controller';

/** Baselines, the gaming check that reads them, and weeks compared. */
@Module({
  imports: [UpstreamModule],
  controllers: [BaselinesController, GamingCheckController, ComparisonController],
})
export class BaselinesModule {}
