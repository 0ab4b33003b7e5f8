import { Module } from '@nestjs/common';
import { BaselinesController } from './baselines.controller';
import { BaselinesReader } from './baselines.reader';

@Module({ controllers: [BaselinesController], providers: [BaselinesReader] })
export class BaselinesModule {}
