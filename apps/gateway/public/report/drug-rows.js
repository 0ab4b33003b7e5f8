// The drugs of a seizure: rows added and removed by the user, named `drugs.<i>.<field>` like the
// API's error paths, so each server error lands beside its own box.
import { DRUGS } from './validation.js';

const DRUG_NAMES = {
  crack: 'Crack cocaine',
  heroin: 'Heroin',
  cocaine: 'Cocaine',
  cannabis: 'Cannabis',
  other: 'Other',
};

function rowMarkup(i) {
  const id = (f) => `f-drugs-${i}-${f}`;
  const field = (f, label, input, hint = '') => `
    <div class="field" data-field="drugs.${i}.${f}">
      <label for="${id(f)}">${label}</label>
      ${hint && `<p class="hint" id="${id(f)}-hint">${hint}</p>`}
      <p class="field-error" id="${id(f)}-error" aria-live="polite"></p>
      ${input(`id="${id(f)}" data-drug="${f}" aria-describedby="${hint && `${id(f)}-hint `}${id(f)}-error"`)}
    </div>`;
  return `
    <legend>Drug ${i + 1}</legend>
    <div class="row">
      ${field('drug', 'Drug', (a) => `<select ${a}>${DRUGS.map((d) => `<option value="${d}">${DRUG_NAMES[d]}</option>`).join('')}</select>`)}
      ${field('grams', 'Grams', (a) => `<input ${a} inputmode="decimal" class="short" />`, 'Up to 3 decimal places')}
      ${field('plants', 'Plants', (a) => `<input ${a} inputmode="numeric" class="short" />`)}
      ${field('valuePence', 'Street value (£)', (a) => `<input ${a} inputmode="decimal" class="medium" />`, 'Pounds and pence')}
      <button type="button" class="button secondary remove-drug">Remove drug ${i + 1}</button>
    </div>`;
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
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'drug-row nested';
      fieldset.innerHTML = rowMarkup(i);
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
