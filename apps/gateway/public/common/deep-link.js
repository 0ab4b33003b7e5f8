// Links that land on a row: the inbox (and home) link to `/taskings?tasking=`,
// `/safeguarding?handoff=`, `/lines?line=` / `?alert=` and `/deconfliction?alert=`. Each page
// reads the id here, picks the row out with words (the outline only repeats them), and brings
// it into view and focus once, on arrival.
import { el } from './dom.js';
import { UUID } from './ids.js';

/** The id the address names in `param`, or null when it names none or not an id. */
export function linkedId(search, param) {
  const value = new URLSearchParams(search).get(param);
  return value && UUID.test(value) ? value.toLowerCase() : null;
}

/** The class of the row a link led to. */
export const LINKED = 'is-linked';

/** The words that mark the row a link led to: `what` is the thing, e.g. "tasking". */
export const linkedCue = (what) =>
  el('strong', { className: 'linked-cue' }, `You followed a link to this ${what}.`);

/** Brings what a link named into view and puts focus on it. */
export function landOn(target) {
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}
