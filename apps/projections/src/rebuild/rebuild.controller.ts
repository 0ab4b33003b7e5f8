import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RebuildProgress } from './rebuild-progress';
import { RebuildService } from './rebuild.service';
import { INTERNAL } from '@intensify/contracts';

@Controller(INTERNAL.projections.rebuild.controller)
export class RebuildController {
  constructor(private readonly rebuild: RebuildService) {}

  @Post(INTERNAL.projections.rebuild.start.path)
  @HttpCode(202)
  start(): RebuildProgress {
    return this.rebuild.start();
  }

  @Get(INTERNAL.projections.rebuild.status.path)
  status(): RebuildProgress {
    return this.rebuild.status();
  }
}
