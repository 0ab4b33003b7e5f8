import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { HealthReport, runChecks } from '@intensify/runtime';
import { BoardChangesPublisher } from '../board/board-changes.publisher';
import { BoardConsumerService } from '../board/board-consumer.service';

@Controller('internal/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly board: BoardConsumerService,
    private readonly changes: BoardChangesPublisher,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const c = this.board.consumer;
    const report = await runChecks({
      postgres: async () => void (await this.db.query('SELECT 1')),
      redis: async () => void (await this.changes.redis.ping()),
      consumer: async () => {
        if (!c.hasPartitions) throw new Error('the board consumer has no partitions assigned');
        return { assignment: c.assignment, applied: c.applied, deadLettered: c.deadLettered };
      },
    });
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
