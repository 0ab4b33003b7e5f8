import { Injectable } from '@nestjs/common';
import { DDTRO_GRANTED, DdtroEventV1 } from '@intensify/contracts';
import { DeadlineSchedulingConsumer, ServiceConsumerSettings } from '@intensify/messaging';
import { ProviderDeadlineQueue } from './provider-deadline.queue';
import { ProviderDeadlineJob } from './provider-deadline.rule';

export const PROVIDER_DEADLINES_GROUP = 'intelligence.ddtro-deadlines.v1';

/** Schedules each granted order's provider deadline from the service's own topic. */
@Injectable()
export class ProviderDeadlinesConsumer extends DeadlineSchedulingConsumer<ProviderDeadlineJob> {
  constructor(settings: ServiceConsumerSettings, queue: ProviderDeadlineQueue) {
    super(settings, {
      group: PROVIDER_DEADLINES_GROUP,
      topics: ['intelligence'],
      queue,
      // The register's line events, most of this topic, start no deadline.
      concerns: (e) => e.type === DDTRO_GRANTED.type,
      deadlinesOf: (event) => {
        if (event.type !== DDTRO_GRANTED.type) return [];
        const p = event.payload as DdtroEventV1;
        return [{ ddtroId: p.ddtroId, deadline: p.providerDeadline! }];
      },
    });
  }
}
