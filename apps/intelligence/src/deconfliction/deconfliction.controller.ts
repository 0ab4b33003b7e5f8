import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
import { listAlerts } from './alerts.reader';
import { listHolders } from './holders.reader';

/** Reads that show holder references commit their audit records before answering. */
@Controller(INTERNAL.intelligence.deconfliction.controller)
export class DeconflictionController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get(INTERNAL.intelligence.deconfliction.alerts.path)
  async alerts(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ items: DeconflictionAlert[] }> {
    const q = validateAlertsQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return {
      items: await this.db.transaction((m) => listAlerts(m, q.value, actor, correlationId)),
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
      items: await this.db.transaction((m) => listHolders(m, q.value, actor, correlationId)),
    };
  }
}
