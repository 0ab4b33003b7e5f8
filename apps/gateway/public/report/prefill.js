// What a link from the taskings page pre-fills: `/report?operation=…&force=…&tasking=…&line=…`.
// Each value is kept only when the user could choose it here; a tasking and its line only
// with the week and force they belong to, so an outcome is never linked under the wrong ones.
import { UUID } from '/common/assets/ids.js';

/**
 * `search` is the page address's query; `weeks` the weeks the user may see, `forces` the force
 * codes they may report for. Answers `{ operation, force, tasking, line }`, each null when absent
 * or not usable.
 */
export function prefillFromQuery(search, { weeks, forces }) {
  const q = new URLSearchParams(search);
  const operation = weeks.some((w) => w.id === q.get('operation')) ? q.get('operation') : null;
  const force = forces.includes(q.get('force')) ? q.get('force') : null;
  const linked = operation !== null && force !== null;
  const id = (name) => (linked && UUID.test(q.get(name) ?? '') ? q.get(name) : null);
  const tasking = id('tasking');
  return { operation, force, tasking, line: tasking ? id('line') : null };
}
