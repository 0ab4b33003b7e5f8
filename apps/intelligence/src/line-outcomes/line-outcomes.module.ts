import { Module } from '@nestjs/common';
import { LineOutcomesConsumer } from './line-outcomes.consumer';

@Module({ providers: [LineOutcomesConsumer], exports: [LineOutcomesConsumer] })
export class LineOutcomesModule {}
