/**
 * For unit tests of read models kept from position events (taskings, hand-offs): each event
 * moves its aggregate to `now` from `previous` at `seq`; what a test does not vary comes from
 * `base`, and `extra` overrides it for one event.
 */
export function positionEvents<Position extends object, Event>(base: Partial<Event>) {
  return (seq: number, now: Position, previous: Position | null, extra?: Partial<Event>): Event =>
    ({ ...base, ...extra, seq, ...now, previous }) as Event;
}
