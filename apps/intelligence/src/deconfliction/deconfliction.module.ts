import { Module } from '@nestjs/common';
import { DeconflictionController } from './deconfliction.controller';
import { DeconflictionReader } from './deconfliction.reader';

@Module({ controllers: [DeconflictionController], providers: [DeconflictionReader] })
export class DeconflictionModule {}
