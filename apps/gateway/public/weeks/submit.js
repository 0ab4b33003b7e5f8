// One way every form of the console is sent: errors the API names appear beside their fields
// and in the form's summary; the button waits while the request is on its way.
import { ApiError } from '/common/assets/api.js';
import { hideSummary, showFieldErrors, showSummary } from '/common/assets/field-errors.js';

/** Runs `send(values)` on submit; `done(answer)` after a success. */
export function onSubmit(form, summary, send, done) {
  form.onsubmit = async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    hideSummary(summary);
    try {
      const answer = await send(Object.fromEntries(new FormData(form)));
      showFieldErrors(form, []);
      await done(answer);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showFieldErrors(form, err.problem.errors ?? []);
      showSummary(summary, err.problem, form);
    } finally {
      button.disabled = false;
    }
  };
}
