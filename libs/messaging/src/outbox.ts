import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@intensify/contracts';
import { quoteIdent } from '@intensify/persistence';

/** The outbox table of a service's schema, created by that service's migration. */
export function outboxTableSql(schema: string): string[] {
  const t = `${quoteIdent(schema)}.outbox`;
  return [
    `CREATE TABLE ${t} (
      id bigserial PRIMARY KEY,
      topic text NOT NULL,
      key text NOT NULL,
      event jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`,
    `CREATE INDEX outbox_unpublished ON ${t} (id) WHERE published_at IS NULL`,
  ];
}

export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

export interface OutboxMessage {
  topic: string;
  event: EventEnvelope;
  /** The Kafka key, when a topic is ordered by something else than the event's aggregate. */
  key?: string;
}

/**
 * Appends events in the caller's transaction: they are published if, and only if, the state
 * change commits. The NOTIFY wakes the relay at commit time instead of on its next poll.
 */
export async function appendToOutbox(
  manager: EntityManager,
  schema: string,
  messages: OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const params: unknown[] = [];
  const rows = messages.map((m, i) => {
    params.push(m.topic, m.key ?? m.event.aggregateId, JSON.stringify(m.event));
    return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`;
  });
  params.push(outboxChannel(schema));
  // One round trip: the rows and the NOTIFY (a data-modifying WITH always runs in full).
  await manager.query(
    `WITH added AS (INSERT INTO ${quoteIdent(schema)}.outbox (topic, key, event) VALUES ${rows.join(', ')} RETURNING id)
     SELECT pg_notify($${params.length}, '') FROM (SELECT 1 FROM added LIMIT 1) AS any_row`,
    params,
  );
}
