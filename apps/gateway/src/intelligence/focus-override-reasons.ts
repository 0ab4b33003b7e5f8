import { FocusLines } from '@intensify/contracts';
import { Principal, may } from '@intensify/auth';

/**
 * Everyone sees which forces were overridden, when and by which reason code; the free-text
 * reason and who gave it only those who may override (the NCLCC).
 */
export function withOverrideReasonsFor(p: Principal, focus: FocusLines): FocusLines {
  if (may(p, 'focus.set') || !focus.overrides) return focus;
  return {
    ...focus,
    overrides: focus.overrides.map(({ reason: _reason, by: _by, ...o }) => o),
  };
}
