import { FieldError } from '@intensify/contracts';

/** An outcome happens within its week and not in the future (allowing for reporters' clocks). */
export function occurredAtError(
  occurredAt: string,
  week: { startsAt: Date; endsAt: Date },
  now: Date,
  skewMs: number,
): FieldError | null {
  const t = new Date(occurredAt).getTime();
  if (t < week.startsAt.getTime() || t > week.endsAt.getTime()) {
    return {
      field: 'occurredAt',
      message: `must be within the operation's week (${week.startsAt.toISOString()} to ${week.endsAt.toISOString()})`,
    };
  }
  if (t > now.getTime() + skewMs)
    return { field: 'occurredAt', message: 'must not be in the future' };
  return null;
}
