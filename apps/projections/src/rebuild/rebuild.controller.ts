import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RebuildProgress } from './rebuild-progress';
import { RebuildService } from './rebuild.service';

@Controller('internal/rebuild')
export class RebuildController {
  constructor(private readonly rebuild: RebuildService) {}

  @Post()
  @HttpCode(202)
  start(): RebuildProgress {
    return this.rebuild.start();
  }

  @Get()
  status(): RebuildProgress {
    return this.rebuild.status();
  }
}
