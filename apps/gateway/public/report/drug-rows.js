// The drugs of a seizure: rows added and removed by the user, named `drugs.<i>.<field>` like the
// API's error paths, so each server error lands beside its own box.
import { el as h } from '/common/assets/dom.js';
import { field } from '/common/assets/markup.js';
import { DRUGS } from './validation.js';

const DRUG_NAMES = {
  crack: 'Crack cocaine',
  heroin: 'Heroin',
  cocaine: 'Cocaine',
  cannabis: 'Cannabis',
  other: 'Other',
};

/** One drug's fieldset, its fields named `drugs.<i>.<field>` and marked `data-drug`. */
function drugRow(i) {
  const control = (f, tag, props = {}) =>
    h(tag, { id: `f-drugs-${i}-${f}`, ...props, attrs: { 'data-drug': f } });
  const box = (f, label, input, hint) => field(`drugs.${i}.${f}`, label, input, hint);
  const drug = control('drug', 'select');
  drug.append(...DRUGS.map((d) => h('option', { value: d }, DRUG_NAMES[d])));
  const amount = (f, mode, size) => control(f, 'input', { inputMode: mode, className: size });
  return h(
    'fieldset',
    { className: 'drug-row nested' },
    h('legend', {}, `Drug ${i + 1}`),
    h(
      'div',
      { className: 'row' },
      box('drug', 'Drug', drug),
      box('grams', 'Grams', amount('grams', 'decimal', 'short'), 'Up to 3 decimal places'),
      box('plants', 'Plants', amount('plants', 'numeric', 'short')),
      box(
        'valuePence',
        'Street value (£)',
        amount('valuePence', 'decimal', 'medium'),
        'Pounds and pence',
      ),
      h(
        'button',
        { type: 'button', className: 'button secondary remove-drug' },
        `Remove drug ${i + 1}`,
      ),
    ),
  );
}

/** Reads the rows as text: `[{ drug, grams, plants, valuePounds }]`. */
export function readDrugRows(container) {
  return [...container.querySelectorAll('.drug-row')].map((row) => {
    const value = (f) => row.querySelector(`[data-drug="${f}"]`).value;
    return {
      drug: value('drug'),
      grams: value('grams'),
      plants: value('plants'),
      valuePounds: value('valuePence'),
    };
  });
}

/** Redraws every row so that indexes stay contiguous after a removal. */
export function renderDrugRows(container, rows) {
  container.replaceChildren(
    ...rows.map((r, i) => {
      const fieldset = drugRow(i);
      const set = (f, v) => (fieldset.querySelector(`[data-drug="${f}"]`).value = v ?? '');
      set('drug', r.drug || DRUGS[0]);
      set('grams', r.grams);
      set('plants', r.plants);
      set('valuePence', r.valuePounds);
      fieldset.querySelector('.remove-drug').addEventListener('click', () => {
        const left = readDrugRows(container).filter((_, j) => j !== i);
        renderDrugRows(container, left);
        container.dispatchEvent(new Event('input', { bubbles: true }));
        const next = container.querySelectorAll('.remove-drug')[Math.min(i, left.length - 1)];
        (next ?? document.getElementById('add-drug')).focus();
      });
      return fieldset;
    }),
  );
}
