import { Module } from '@nestjs/common';

/** Web pages served by the gateway (reporting page; later the board and taskings). */
@Module({})
export class PagesModule {}
