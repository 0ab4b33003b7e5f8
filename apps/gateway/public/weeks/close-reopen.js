// Closing a week (its figures become final) and reopening it (with a reason), each confirmed
// in the pages' one confirmation dialog, which sends it and shows a refusal in its place.
import { createConfirmDialog } from '/common/assets/confirm-dialog.js';
import { failed } from '/common/assets/page-shell.js';

const $ = (id) => document.getElementById(id);
let dialog = null;

/** Shows close or reopen for the week as it stands; `onChanged(week)` after either. */
export function setupCloseReopen(week, onChanged) {
  const closed = week.status === 'closed';
  $('close-part').hidden = closed;
  $('reopen-form').hidden = !closed;
  dialog ??= createConfirmDialog('confirm-dialog');
  const changed = (text) => (answer) => {
    $('close-result').textContent = text(answer);
    onChanged(answer).catch(failed);
  };
  $('close-start').onclick = () =>
    dialog.open({
      title: 'Close the week?',
      text: `Close ${week.name}? Its figures become final and later reports are refused.`,
      action: 'Close the week',
      path: `/api/v1/operations/${week.id}/close`,
      done: changed((w) => `${w.name} is closed; its figures are final.`),
    });
  $('reopen-form').onsubmit = async (e) => {
    e.preventDefault();
    const reason = $('reopen-reason').value;
    await dialog.open({
      title: 'Reopen the week?',
      text: `Reopen ${week.name}? Its figures become provisional again.`,
      action: 'Reopen the week',
      path: `/api/v1/operations/${week.id}/reopen`,
      body: () => ({ reason }),
      done: changed((w) => {
        $('reopen-reason').value = '';
        return `${w.name} is open again.`;
      }),
    });
  };
}
