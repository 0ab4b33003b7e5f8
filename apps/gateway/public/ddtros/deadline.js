// Where a granted order stands against the provider's deadline (5 working days from the grant,
// computed by the server): overdue once the server says so or the deadline has passed, due
// within the last day, else on time. Orders not granted have no deadline running.
const DAY_MS = 86_400_000;

export function deadlineState(order, now = Date.now()) {
  if (order.status !== 'granted' || !order.providerDeadline) return null;
  const left = Date.parse(order.providerDeadline) - now;
  if (order.providerOverdue || left <= 0) return 'overdue';
  return left <= DAY_MS ? 'due' : 'on-time';
}
