// Why the user reads person-level data (s.62 of the Data Protection Act 2018): asked once per
// browser session, when the server first asks for it, and sent with every request after.
import { el as h } from './dom.js';

const PURPOSE_KEY = 'intensify.purpose';
const MAX_LENGTH = 200;
const OTHER = 'other';

export const PURPOSES = [
  'Planning the week’s focus',
  'Responding to a tasking',
  'Safeguarding follow-up',
  'Deconfliction',
  'Audit',
];

export const purpose = {
  get: () => sessionStorage.getItem(PURPOSE_KEY),
  set: (text) => sessionStorage.setItem(PURPOSE_KEY, text),
  clear: () => sessionStorage.removeItem(PURPOSE_KEY),
};

/** Headers carry Latin-1 only: what a browser can send as X-Purpose. */
const sendable = (text) => /^[\x20-\x7e\u00a0-\u00ff]+$/.test(text);

let asking;

/** The session's purpose, asking for it first if none is kept; null when the user declines. */
export function ensurePurpose() {
  const kept = purpose.get();
  if (kept) return Promise.resolve(kept);
  asking ??= askPurpose().finally(() => (asking = undefined));
  return asking;
}

/** A modal dialog: focus stays inside it; Escape or Cancel declines. */
function askPurpose() {
  const other = h('input', {
    id: 'purpose-other',
    name: 'purpose-other',
    className: 'medium',
    maxLength: MAX_LENGTH,
    attrs: { 'aria-describedby': 'purpose-error' },
  });
  const choices = [
    ...PURPOSES.map((text, i) => [`purpose-${i}`, text]),
    ['purpose-other-choice', OTHER],
  ];
  const error = h('p', { id: 'purpose-error', className: 'field-error', attrs: { role: 'alert' } });
  const form = h(
    'form',
    { method: 'dialog', noValidate: true },
    h('h2', { id: 'purpose-heading', textContent: 'Why are you looking?' }),
    h('p', {
      id: 'purpose-hint',
      textContent:
        'This page shows information about people. The law asks us to record why you look; you are asked once this session.',
    }),
    h(
      'fieldset',
      {},
      h('legend', { textContent: 'Purpose' }),
      ...choices.map(([id, value]) =>
        h(
          'div',
          { className: 'choice' },
          h('input', { type: 'radio', name: 'purpose', id, value }),
          h('label', { htmlFor: id, textContent: value === OTHER ? 'Something else' : value }),
        ),
      ),
      h(
        'div',
        { className: 'field' },
        h('label', {
          htmlFor: 'purpose-other',
          textContent: 'Something else: say why (up to 200 characters)',
        }),
        other,
      ),
    ),
    error,
    h(
      'div',
      { className: 'dialog-actions' },
      h('button', { type: 'submit', className: 'button', textContent: 'Continue' }),
      h('button', {
        type: 'button',
        className: 'button secondary',
        value: 'cancel',
        textContent: 'Cancel',
      }),
    ),
  );
  const dialog = h(
    'dialog',
    {
      id: 'purpose-dialog',
      attrs: { 'aria-labelledby': 'purpose-heading', 'aria-describedby': 'purpose-hint' },
    },
    form,
  );
  document.body.append(dialog);
  other.addEventListener('input', () => {
    form.elements['purpose-other-choice'].checked = true;
  });
  return new Promise((resolve) => {
    const finish = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    form.querySelector('button[value=cancel]').onclick = () => finish(null);
    dialog.addEventListener('keydown', (e) => keepFocusIn(dialog, e));
    // Escape: the dialog's own cancel.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(null);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const chosen = form.elements.purpose.value;
      const text = (chosen === OTHER ? other.value : chosen).trim();
      const problem = !chosen
        ? 'Choose why you are looking'
        : !text
          ? 'Say why you are looking'
          : text.length > MAX_LENGTH
            ? `Use at most ${MAX_LENGTH} characters`
            : !sendable(text)
              ? 'Use letters, digits and common punctuation only'
              : '';
      error.textContent = problem;
      if (problem) return;
      purpose.set(text);
      finish(text);
    });
    dialog.showModal();
  });
}

/** Tab and Shift+Tab wrap around inside the dialog rather than leave for the browser's own bar. */
function keepFocusIn(dialog, e) {
  if (e.key !== 'Tab') return;
  const stops = [...dialog.querySelectorAll('input, button')];
  const [first, last] = [stops[0], stops[stops.length - 1]];
  const at = document.activeElement;
  const leaving = e.shiftKey ? at === first || at?.name === first.name : at === last;
  if (!leaving) return;
  e.preventDefault();
  (e.shiftKey ? last : first).focus();
}
