import { AGE_GROUPS, HANDOFF_CONCERNS, HANDOFF_NOTE_MAX } from '@intensify/contracts';

/** A browser ES module that exports each value as a constant, written as JSON. */
export function constantsModule(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};\n`)
    .join('');
}

/**
 * The hand-off lists and limits the raise form checks against, served from the contract as
 * `/safeguarding/assets/handoff-lists.js` so that the page never keeps a copy of its own.
 */
export const HANDOFF_LISTS_MODULE = constantsModule({
  CONCERNS: HANDOFF_CONCERNS,
  AGE_GROUPS,
  NOTE_MAX: HANDOFF_NOTE_MAX,
});
