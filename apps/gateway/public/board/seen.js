// Marks the national figures that changed since the viewer last looked (kept per user and week
// in this browser; see seen-model.js), including those that change while the board is open, and
// the "Mark as seen" control that makes the figures shown the new starting point.
import { el } from '/common/assets/dom.js';
import { formatCash, formatClock, formatCount, formatWeight } from './format.js';
import {
  changeCue,
  changesSince,
  readSeen,
  seenKey,
  seenSummary,
  writeSeen,
} from './seen-model.js';

const $ = (id) => document.getElementById(id);

/** How a change of each figure is written: money and weights as such, the rest as counts. */
function formatterOf(key) {
  if (key === 'cashPence' || key === 'drugsValuePence') return formatCash;
  if (key.startsWith('drugs.')) return formatWeight;
  return formatCount;
}

/** The figures on show, from the rendered figures themselves: key → number. */
function shownValues() {
  const values = {};
  for (const node of $('figures').querySelectorAll('[data-key]'))
    values[node.dataset.key] = Number(node.dataset.value);
  return values;
}

export function createSeenMarks({ sub, operationId, storage = localStorage }) {
  const key = seenKey(sub, operationId);
  let seen = readSeen(storage, key);
  let current = {};
  let lastPush = null;
  let justChanged = new Set();

  function mark() {
    const changes = changesSince(seen, current);
    for (const node of $('figures').querySelectorAll('[data-key]')) {
      node.querySelector(':scope > .change-cue')?.remove();
      const delta = changes[node.dataset.key];
      node.classList.toggle('changed', delta !== undefined);
      node.classList.toggle('just-changed', justChanged.has(node.dataset.key));
      if (delta === undefined) continue;
      const words = changeCue(delta, seen.at, {
        formatNumber: formatterOf(node.dataset.key),
        formatTime: formatClock,
      });
      const live = justChanged.has(node.dataset.key) ? ', in the latest update' : '';
      node.append(el('span', { className: 'change-cue', textContent: ` ${words}${live}` }));
    }
    $('seen-status').textContent = seenSummary(changes, seen.at, formatClock);
    $('mark-seen').hidden = Object.keys(changes).length === 0;
  }

  $('mark-seen').onclick = () => {
    seen = writeSeen(storage, key, current, new Date().toISOString());
    justChanged = new Set();
    mark();
    $('seen-status').focus();
  };

  return {
    /** After the figures were drawn from a board: compares and marks them. */
    update() {
      current = shownValues();
      // A first visit starts from what it shows: later changes, live or on return, are marked.
      seen ??= writeSeen(storage, key, current, new Date().toISOString());
      const pushed = Object.keys(lastPush ? changesSince({ values: lastPush }, current) : {});
      // Redrawn without a change (a filter, a refresh): the latest change stays marked.
      if (pushed.length) justChanged = new Set(pushed);
      lastPush = current;
      mark();
    },
  };
}
