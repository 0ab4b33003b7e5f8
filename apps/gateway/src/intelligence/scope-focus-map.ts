import { FocusMap } from '@intensify/contracts';
import { Principal, readScope } from '@intensify/auth';

/**
 * Every force stays on the map with whether it is a focus force (the week says so to all);
 * its outcome tallies and line measures only within the caller's read scope.
 */
export function scopeFocusMap(map: FocusMap, p: Principal): FocusMap {
  const { forces } = readScope(p);
  if (!forces) return map;
  return {
    ...map,
    forces: Object.fromEntries(
      Object.entries(map.forces).map(([code, figures]) => [
        code,
        forces.includes(code) ? figures : { focusForce: figures.focusForce },
      ]),
    ),
  };
}
