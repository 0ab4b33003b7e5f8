// Wires the five steps together: sign in, pick week and force, report, review, upload.
import { createCsvUpload } from './csv-upload.js';
import { createOutcomeForm } from './outcome-form.js';
import { alert, failed, loadWeeks, startPage } from '/common/assets/page-shell.js';
import { REPORTING_ROLES } from '/common/assets/roles.js';
import { createSubmissions } from './submissions.js';
import { prefillFromQuery } from './prefill.js';
import { setupWeekAndForce } from './week-and-force.js';

const el = (id) => document.getElementById(id);

async function main() {
  const page = await startPage({
    roles: REPORTING_ROLES,
    signInHeading: '1. Sign in',
    onSignedIn: start,
  });
  const { forceNames } = page;
  const submissions = createSubmissions({ forceNames, onCorrect: (item) => form.correct(item) });
  const form = createOutcomeForm({ onSaved: () => submissions.refresh() });
  const csv = createCsvUpload({ onImported: () => submissions.refresh() });

  async function start(me) {
    const weeks = await loadWeeks();
    if (!weeks) return;
    const link = prefillFromQuery(location.search, { weeks, forces: me.forces });
    const { hasWeek } = setupWeekAndForce({
      weeks,
      forces: me.forces,
      forceNames,
      chosen: link,
      onChange(week, force) {
        form.setContext(week, force);
        csv.setContext(week);
        submissions.show(week, force);
      },
    });
    for (const id of ['report', 'submissions', 'csv']) el(id).hidden = !hasWeek;
    if (!me.forces.length) alert('Your sign-in does not allow reporting for any force.');
    if (link.tasking) {
      await form.forTasking(link.tasking, link.line);
      el('report-heading').focus();
    } else el('context-heading').scrollIntoView();
  }

  await page.resume();
}

main().catch(failed);
