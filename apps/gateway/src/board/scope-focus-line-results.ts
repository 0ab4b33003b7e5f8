import { FocusLineResult, FocusLineResults } from '@intensify/contracts';
import { Principal, readScope } from '@intensify/auth';

/**
 * Everyone sees which lines are the week's focus, where they run and the national totals (as
 * the board's national figures). A line's detail is shown when one of its forces is within the
 * caller's read scope, and only that scope's taskings; the force ranking keeps the scope's forces.
 */
export function scopeFocusLineResults(results: FocusLineResults, p: Principal): FocusLineResults {
  const { forces } = readScope(p);
  if (!forces) return results;
  const inScope = (f: string) => forces.includes(f);
  const scopeLine = (l: FocusLineResult): FocusLineResult =>
    inScope(l.exportingForce) || l.importingForces.some(inScope)
      ? {
          ...l,
          taskings: { ...l.taskings!, items: l.taskings!.items.filter((t) => inScope(t.force)) },
        }
      : {
          lineId: l.lineId,
          exportingForce: l.exportingForce,
          importingForces: l.importingForces,
          withheld: true,
        };
  return {
    ...results,
    focusLines: results.focusLines.map(scopeLine),
    forces: results.forces.filter((f) => inScope(f.force)),
  };
}
