// What the inbox offers on an alert, by its status and the signed-in role: the server decides
// (and answers 409 or 403 when it disagrees); this only spares users buttons that cannot work.
export const STEP_LABELS = {
  acknowledge: 'Acknowledge',
  resolve: 'Resolve',
  'hand-to-region': 'Hand to region',
};

export function stepsFor(alert, me) {
  const mine = me.role === 'nclcc' || (me.role === 'regional' && alert.region === me.region);
  if (!mine) return [];
  const steps = [];
  if (alert.status === 'open') steps.push('acknowledge');
  if (alert.status === 'acknowledged') steps.push('resolve');
  if (me.role === 'nclcc' && alert.status !== 'resolved') steps.push('hand-to-region');
  return steps;
}

/** The latest step taken: who and when, or when it was raised. */
export function lastStep(alert) {
  const steps = [
    ['Resolved', alert.resolvedAt, alert.resolvedBy],
    ['Acknowledged', alert.acknowledgedAt, alert.acknowledgedBy],
    ['Handed', alert.handedAt, alert.handedBy],
  ].filter(([, at]) => at);
  steps.sort((a, b) => Date.parse(b[1]) - Date.parse(a[1]));
  const [name, at, by] = steps[0] ?? ['Raised', alert.raisedAt, null];
  return { name, at, by: by ? `${by.sub} (${by.role}${by.region ? `, ${by.region}` : ''})` : '' };
}
