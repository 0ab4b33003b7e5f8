// Errors appear beside their field (linked by aria-describedby, announced by aria-live) and,
// after a submit, in a summary at the top whose links move focus to each field.

/** The container of a field named by its API path, e.g. `drugs.1.grams`. */
const fieldBox = (root, field) => root.querySelector(`[data-field="${CSS.escape(field)}"]`);

export function setFieldError(root, field, message) {
  const box = fieldBox(root, field);
  const slot = box?.querySelector('.field-error');
  if (!slot) return false;
  slot.replaceChildren();
  if (message) {
    const prefix = document.createElement('span');
    prefix.className = 'visually-hidden';
    prefix.textContent = 'Error: ';
    slot.append(prefix, message);
  }
  box.classList.toggle('has-error', Boolean(message));
  box.querySelector('input, select, textarea')?.toggleAttribute('aria-invalid', Boolean(message));
  return true;
}

/** Shows `errors` on the fields in `fields` (all of them when null) and clears the others. */
export function showFieldErrors(root, errors, fields = null) {
  const byField = new Map();
  for (const e of errors) if (!byField.has(e.field)) byField.set(e.field, e.message);
  for (const box of root.querySelectorAll('[data-field]')) {
    const field = box.dataset.field;
    if (fields === null || fields.has(field)) setFieldError(root, field, byField.get(field));
  }
}

/**
 * Fills an error summary: a heading, the problem's detail and one item per error, linked to its
 * field when the field is on the page.
 */
export function showSummary(summary, { title, detail, errors = [] }, root) {
  summary.querySelector('h3').textContent = title ?? 'There is a problem';
  summary.querySelector('p').textContent = detail ?? '';
  const list = summary.querySelector('ul');
  list.replaceChildren(
    ...inPageOrder(root, errors).map((e) => {
      const item = document.createElement('li');
      const control = fieldBox(root, e.field)?.querySelector('input, select, textarea');
      if (control) {
        const link = document.createElement('a');
        link.href = `#${control.id}`;
        link.textContent = e.message;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          control.focus();
        });
        item.append(link);
      } else {
        item.textContent = e.field === 'body' ? e.message : `${e.field}: ${e.message}`;
      }
      return item;
    }),
  );
  summary.hidden = false;
  summary.focus();
}

export function hideSummary(summary) {
  summary.hidden = true;
}

/** Errors in the order their fields appear, so the summary reads like the form; others last. */
function inPageOrder(root, errors) {
  const position = (e) => {
    const box = fieldBox(root, e.field);
    return box ? [...root.querySelectorAll('[data-field]')].indexOf(box) : Infinity;
  };
  return errors
    .map((e) => ({ e, at: position(e) }))
    .sort((a, b) => a.at - b.at)
    .map(({ e }) => e);
}
