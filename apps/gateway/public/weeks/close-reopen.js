// Closing a week (its figures become final) and reopening it (with a reason), each confirmed
// in a dialog first.
import { request } from '/common/assets/api.js';
import { onSubmit } from './submit.js';

const $ = (id) => document.getElementById(id);

/** Asks in the confirmation dialog; resolves whether the user confirmed. */
function confirm(text, action) {
  const dialog = $('confirm-dialog');
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = action;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), {
      once: true,
    });
    dialog.showModal();
    $('confirm-yes').focus();
  });
}

/** Shows close or reopen for the week as it stands; `onChanged(week)` after either. */
export function setupCloseReopen(week, onChanged) {
  const closed = week.status === 'closed';
  $('close-part').hidden = closed;
  $('reopen-form').hidden = !closed;
  $('close-start').onclick = async () => {
    const ok = await confirm(
      `Close ${week.name}? Its figures become final and later reports are refused.`,
      'Close the week',
    );
    if (!ok) return;
    const { body } = await request('POST', `/api/v1/operations/${week.id}/close`);
    $('close-result').textContent = `${body.name} is closed; its figures are final.`;
    await onChanged(body);
  };
  onSubmit(
    $('reopen-form'),
    $('reopen-problem'),
    async ({ reason }) => {
      const ok = await confirm(
        `Reopen ${week.name}? Its figures become provisional again.`,
        'Reopen the week',
      );
      return ok
        ? request('POST', `/api/v1/operations/${week.id}/reopen`, { json: { reason } })
        : null;
    },
    async (answer) => {
      if (!answer) return;
      $('reopen-reason').value = '';
      $('close-result').textContent = `${answer.body.name} is open again.`;
      await onChanged(answer.body);
    },
  );
}
