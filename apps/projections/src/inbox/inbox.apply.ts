import { EntityManager } from 'typeorm';
import { ConsumedEvent } from '@intensify/messaging';
import { AddressedNotification, notificationOf } from './notifications';

/**
 * Keeps one notification per event that needs someone. Ids come from the events, so a copy
 * (or a replay in a rebuild) writes nothing new. Answers the audiences that got something.
 */
export async function applyToInbox(
  m: EntityManager,
  events: ConsumedEvent[],
): Promise<Set<string>> {
  const all = events
    .map(({ event }) => notificationOf(event))
    .filter((n): n is AddressedNotification => n !== null);
  if (all.length === 0) return new Set();
  const ns = [...new Map(all.map((n) => [n.id, n])).values()].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  const column = <K extends keyof AddressedNotification>(k: K) => ns.map((n) => n[k] ?? null);
  const added: { audiences: string[] }[] = await m.query(
    `INSERT INTO inbox_notifications
       (id, kind, at, title, href, operation_id, tasking_id, handoff_id, line_id, alert_id,
        ddtro_id, force, region, audiences)
     SELECT x.id, x.kind, x.at, x.title, x.href, x.operation_id, x.tasking_id, x.handoff_id,
       x.line_id, x.alert_id, x.ddtro_id, x.force, x.region,
       ARRAY(SELECT json_array_elements_text(x.audiences))
     FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::uuid[],
       $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[], $11::uuid[], $12::text[], $13::text[],
       $14::json[])
       AS x(id, kind, at, title, href, operation_id, tasking_id, handoff_id, line_id, alert_id,
         ddtro_id, force, region, audiences)
     ON CONFLICT (id) DO NOTHING
     RETURNING audiences`,
    [
      column('id'),
      column('kind'),
      column('at'),
      column('title'),
      column('href'),
      column('operationId'),
      column('taskingId'),
      column('handoffId'),
      column('lineId'),
      column('alertId'),
      column('ddtroId'),
      column('force'),
      column('region'),
      ns.map((n) => JSON.stringify(n.audiences)),
    ],
  );
  return new Set(added.flatMap((r) => r.audiences));
}
