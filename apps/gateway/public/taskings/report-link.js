// The reporting page's address for an outcome of a tasking: week, force, tasking and line
// pre-filled (see /report/assets/prefill.js, which reads them back).

/** Taskings a force may still report results for: open ones, or done ones just completed. */
const REPORTABLE = ['issued', 'acknowledged', 'in-progress', 'completed'];

export function reportLink(t) {
  if (!REPORTABLE.includes(t.status)) return null;
  const query = new URLSearchParams({ operation: t.operationId, force: t.force, tasking: t.id });
  if (t.lineId) query.set('line', t.lineId);
  return `/report?${query}`;
}
