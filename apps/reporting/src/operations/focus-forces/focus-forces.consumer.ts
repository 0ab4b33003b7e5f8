import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FocusLinesSetV1, OPERATION_FOCUS_LINES_SET } from '@intensify/contracts';
import {
  ConsumedEvent,
  ServiceConsumerSettings,
  TransactionalConsumerHost,
} from '@intensify/messaging';

export const FOCUS_FORCES_GROUP = 'reporting.focus-forces.v1';

/**
 * Reporting owns a week's `focusForces`; the NCLCC picks focus lines in the intelligence
 * service, and the forces follow from `operation.focus-lines-set`. Applied with the offset in
 * one transaction, and only when newer than what the week holds (`seq`), so copies and
 * redeliveries change nothing.
 */
@Injectable()
export class FocusForcesConsumer extends TransactionalConsumerHost {
  constructor(settings: ServiceConsumerSettings) {
    super({
      ...settings,
      group: FOCUS_FORCES_GROUP,
      topics: ['intelligence'],
      // The register's many line events open no transaction here.
      concerns: (e) => e.type === OPERATION_FOCUS_LINES_SET.type,
      apply: applyFocusForces,
    });
  }
}

export async function applyFocusForces(m: EntityManager, events: ConsumedEvent[]): Promise<void> {
  for (const { event } of events) {
    if (event.type !== OPERATION_FOCUS_LINES_SET.type) continue;
    const p = event.payload as FocusLinesSetV1;
    await m.query(
      `UPDATE reporting.operations SET focus_forces = $2, focus_seq = $3 WHERE id = $1 AND focus_seq < $3`,
      [p.operationId, p.focusForces, p.seq],
    );
  }
}
