import { Controller, Get, Query } from '@nestjs/common';
import {
  Actor,
  DeconflictionAlert,
  INTERNAL,
  LineHolder,
  validateAlertsQuery,
  validateHoldersQuery,
} from '@intensify/contracts';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { DeconflictionReader } from './deconfliction.reader';

@Controller(INTERNAL.intelligence.deconfliction.controller)
export class DeconflictionController {
  constructor(private readonly reader: DeconflictionReader) {}

  @Get(INTERNAL.intelligence.deconfliction.alerts.path)
  async alerts(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ items: DeconflictionAlert[] }> {
    const q = validateAlertsQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return {
      items: await this.reader.alerts(q.value, actor, correlationId),
    };
  }

  @Get(INTERNAL.intelligence.deconfliction.holders.path)
  async holders(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ items: LineHolder[] }> {
    const q = validateHoldersQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return {
      items: await this.reader.holders(q.value, actor, correlationId),
    };
  }
}
