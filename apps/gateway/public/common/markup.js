// The parts every form and table repeats, spelled out in one place so that each page's HTML
// holds only what differs:
//   <div data-field="count" data-label="People arrested" data-hint="At least 1">
//     <input id="f-count" name="count" /></div>
//       → a .field with its label, hint, error slot and aria-describedby (see field-errors.js);
//   the same with `data-select`, or `data-input="week"` (any input type), and no control → an
//       empty <select> (the page fills its options) or that input, named and id'd as below;
//   the same with `data-count` and no control → a whole-number box named after the field, its id
//       prefixed by the nearest `data-id-prefix` (e.g. "f-" gives weapons.bladed f-weapons-bladed);
//   <table data-columns="Row|Line in file|Problem"> → its header row of column headings;
//   <div class="error-summary" id="x" data-title="…"> → the heading, detail (#x-detail) and
//       list (#x-list) that showSummary fills;
//   <div data-csv-upload="x"> → a whole CSV upload: form #x-form with the file field #x-file and
//       button #x-button, problem summary #x-problem, result line #x-result and the rejected
//       rows #x-rejected (as below);
//   <div data-csv-file="x-file" data-button="x-upload"> → a CSV upload's file field and its
//       Upload button (every CSV upload asks the same);
//   <div data-line-picker> → the line picker's two fields (see line-picker.js): the brand search
//       #<prefix>lineSearch with its hint and status, and the Line select #<prefix>lineId;
//   <div data-rejected-rows="x"> → the hidden table (#x-wrap, #x, body #x-rows) listing the rows
//       of an upload that were not imported, each by row, line in the file, column and problem.
import { el as h } from './dom.js';

/**
 * Gives `box` (with `data-field`) a label, an optional hint and an error slot for `control`,
 * which describes itself by them (then by any ids it already named).
 */
function dressField(box, control, label, hint) {
  const id = control.id;
  const hintNode = hint !== undefined && h('p', { className: 'hint', id: `${id}-hint` }, hint);
  const error = h('p', {
    className: 'field-error',
    id: `${id}-error`,
    attrs: { 'aria-live': 'polite' },
  });
  box.classList.add('field');
  control.before(...[h('label', { htmlFor: id }, label), hintNode, error].filter(Boolean));
  const own = control.getAttribute('aria-describedby');
  control.setAttribute(
    'aria-describedby',
    [hintNode && hintNode.id, error.id, own].filter(Boolean).join(' '),
  );
  return box;
}

/** A labelled control with its hint and error slot, for forms built in script. */
export function field(name, label, control, hint) {
  const box = h('div', { attrs: { 'data-field': name } }, control);
  return dressField(box, control, label, hint);
}

/** The id a field's own control gets: the nearest `data-id-prefix`, then the field's name. */
const controlId = (box) =>
  (box.closest('[data-id-prefix]')?.dataset.idPrefix ?? '') +
  box.dataset.field.replaceAll('.', '-');

/** The whole-number box a `data-count` field asks for. */
function countInput(box) {
  const input = h('input', { id: controlId(box), name: box.dataset.field, className: 'short' });
  input.setAttribute('inputmode', 'numeric');
  box.append(input);
  return input;
}

/** The empty select of a `data-select` field, or the input of a `data-input` one. */
function namedControl(box) {
  const props = { id: controlId(box), name: box.dataset.field };
  const control =
    'select' in box.dataset
      ? h('select', props)
      : h('input', { ...props, type: box.dataset.input });
  box.append(control);
  return control;
}

function expandFields(root) {
  for (const box of root.querySelectorAll('[data-field][data-label]')) {
    const control =
      'count' in box.dataset
        ? countInput(box)
        : 'select' in box.dataset || 'input' in box.dataset
          ? namedControl(box)
          : box.querySelector('input, select, textarea');
    dressField(box, control, box.dataset.label, box.dataset.hint);
    delete box.dataset.label;
    delete box.dataset.hint;
    delete box.dataset.count;
    delete box.dataset.select;
    delete box.dataset.input;
  }
}

function expandCsvUploads(root) {
  for (const slot of root.querySelectorAll('[data-csv-upload]')) {
    const id = slot.dataset.csvUpload;
    const form = h(
      'form',
      { id: `${id}-form`, noValidate: true },
      h('div', { attrs: { 'data-csv-file': `${id}-file`, 'data-button': `${id}-button` } }),
    );
    const problem = h('div', {
      id: `${id}-problem`,
      className: 'error-summary',
      hidden: true,
      attrs: { 'data-title': 'The file was not imported' },
    });
    const result = h('p', {
      id: `${id}-result`,
      className: 'result',
      attrs: { role: 'status', 'aria-live': 'polite' },
    });
    const rejected = h('div', { attrs: { 'data-rejected-rows': `${id}-rejected` } });
    slot.replaceWith(form, problem, result, rejected);
  }
}

function expandCsvFiles(root) {
  for (const slot of root.querySelectorAll('[data-csv-file]')) {
    const input = h('input', { id: slot.dataset.csvFile, name: 'file', type: 'file' });
    input.setAttribute('accept', '.csv,text/csv');
    const button = h('button', { type: 'submit', id: slot.dataset.button, className: 'button' });
    button.textContent = 'Upload';
    slot.replaceWith(field('file', 'CSV file', input), button);
  }
}

function expandLinePickers(root) {
  for (const slot of root.querySelectorAll('[data-line-picker]')) {
    const id = `${slot.closest('[data-id-prefix]')?.dataset.idPrefix ?? ''}lineSearch`;
    const search = h('input', { id, type: 'search', className: 'medium', autocomplete: 'off' });
    search.setAttribute('aria-describedby', `${id}-hint ${id}-status`);
    const status = h('p', { id: `${id}-status`, className: 'hint' });
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    const hint = 'Optional. Type part of the brand, then choose the line under Line.';
    const line = h('div', {
      attrs: {
        'data-field': 'lineId',
        'data-label': 'Line',
        'data-hint': 'A county line in the register, by brand and exporting force',
        'data-select': '',
      },
    });
    slot.replaceChildren(
      h(
        'div',
        { className: 'field' },
        h('label', { htmlFor: id }, 'Find a line by brand'),
        h('p', { className: 'hint', id: `${id}-hint` }, hint),
        search,
        status,
      ),
      line,
    );
    delete slot.dataset.linePicker;
  }
}

const REJECTED_COLUMNS = 'Row|Line in file|Column|Problem';

function expandRejectedRows(root) {
  for (const slot of root.querySelectorAll('[data-rejected-rows]')) {
    const id = slot.dataset.rejectedRows;
    const caption = h('caption', {}, 'Rows not imported: fix them and upload again');
    const rows = h('tbody', { id: `${id}-rows` });
    const table = h('table', { id, attrs: { 'data-columns': REJECTED_COLUMNS } }, caption, rows);
    slot.replaceWith(
      h('div', { className: 'table-scroll', id: `${id}-wrap`, hidden: true }, table),
    );
  }
}

function expandTables(root) {
  for (const table of root.querySelectorAll('table[data-columns]')) {
    const headings = table.dataset.columns.split('|').map((c) => c.trim());
    const head = h('thead', {}, h('tr', {}, ...headings.map((c) => h('th', { scope: 'col' }, c))));
    const caption = table.querySelector('caption');
    if (caption) caption.after(head);
    else table.prepend(head);
    delete table.dataset.columns;
  }
}

function expandSummaries(root) {
  for (const summary of root.querySelectorAll('.error-summary[data-title]')) {
    summary.setAttribute('role', 'alert');
    summary.tabIndex = -1;
    summary.append(
      h('h3', {}, summary.dataset.title),
      h('p', { id: `${summary.id}-detail` }),
      h('ul', { id: `${summary.id}-list` }),
    );
    delete summary.dataset.title;
  }
}

/** Spells out the compact markup under `root`; run before anything looks for its ids. */
export function expandMarkup(root = document) {
  expandCsvUploads(root);
  expandCsvFiles(root);
  expandLinePickers(root);
  expandRejectedRows(root);
  expandFields(root);
  expandTables(root);
  expandSummaries(root);
}
