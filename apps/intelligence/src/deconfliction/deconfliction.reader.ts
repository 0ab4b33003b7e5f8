import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AlertsQuery,
  DeconflictionAlert,
  HoldersQuery,
  LineHolder,
} from '@intensify/contracts';
import { listAlerts } from './alerts.reader';
import { listHolders } from './holders.reader';

/** Reads that show holder references commit their audit records before answering. */
@Injectable()
export class DeconflictionReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  alerts(q: AlertsQuery, actor: Actor, correlationId: string): Promise<DeconflictionAlert[]> {
    return this.db.transaction((m) => listAlerts(m, q, actor, correlationId));
  }

  holders(q: HoldersQuery, actor: Actor, correlationId: string): Promise<LineHolder[]> {
    return this.db.transaction((m) => listHolders(m, q, actor, correlationId));
  }
}
