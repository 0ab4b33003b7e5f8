import { Module } from '@nestjs/common';
import { ComparisonController } from './comparison.controller';
import { ComparisonReader } from './comparison.reader';

@Module({ controllers: [ComparisonController], providers: [ComparisonReader] })
export class WeekComparisonModule {}
