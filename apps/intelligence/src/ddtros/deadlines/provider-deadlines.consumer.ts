import { Injectable } from '@nestjs/common';
import { DDTRO_GRANTED, DdtroEventV1 } from '@intensify/contracts';
import {
  ConsumedEvent,
  retriable,
  ServiceConsumerSettings,
  TransactionalConsumerHost,
} from '@intensify/messaging';
import { ProviderDeadlineQueue } from './provider-deadline.queue';

export const PROVIDER_DEADLINES_GROUP = 'intelligence.ddtro-deadlines.v1';

/**
 * Schedules each granted order's provider deadline from the service's own topic: the event
 * exists only if the grant committed, and its offset moves on only once the job is in Redis.
 */
@Injectable()
export class ProviderDeadlinesConsumer extends TransactionalConsumerHost {
  constructor(
    settings: ServiceConsumerSettings,
    private readonly queue: ProviderDeadlineQueue,
  ) {
    super({
      ...settings,
      group: PROVIDER_DEADLINES_GROUP,
      topics: ['intelligence'],
      apply: (_m, events) => this.schedule(events),
    });
  }

  private async schedule(events: ConsumedEvent[]): Promise<void> {
    const jobs = events
      .filter(({ event }) => event.type === DDTRO_GRANTED.type)
      .map(({ event }) => event.payload as DdtroEventV1)
      .map((p) => ({ ddtroId: p.ddtroId, deadline: p.providerDeadline! }));
    if (jobs.length === 0) return;
    try {
      await this.queue.schedule(jobs);
    } catch (e) {
      throw retriable('scheduling provider deadlines', e);
    }
  }
}
