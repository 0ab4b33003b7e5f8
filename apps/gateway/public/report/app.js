// Wires the five steps together: sign in, pick week and force, report, review, upload.
import { ApiError, api, session, whenSignedOut } from '/common/assets/api.js';
import { createCsvUpload } from './csv-upload.js';
import { createOutcomeForm } from './outcome-form.js';
import { setupSignIn } from '/common/assets/sign-in.js';
import { createSubmissions } from './submissions.js';
import { setupWeekAndForce } from './week-and-force.js';

const el = (id) => document.getElementById(id);
const ROLE_NAMES = {
  regional: 'regional coordinator',
  force: 'force user',
  nclcc: 'NCLCC',
  commander: 'commander',
};

function alert(message) {
  el('page-alert').textContent = message;
  el('page-alert').hidden = !message;
}

function showSignedOut(message = '') {
  el('workspace').hidden = true;
  el('who').hidden = true;
  el('sign-in').hidden = false;
  alert(message);
}

async function main() {
  const [regions, forces] = await Promise.all([
    api.get('/api/v1/regions'),
    api.get('/api/v1/forces'),
  ]);
  const forceNames = new Map(forces.map((f) => [f.code, f.name]));
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));

  const submissions = createSubmissions({ forceNames, onCorrect: (item) => form.correct(item) });
  const form = createOutcomeForm({ onSaved: () => submissions.refresh() });
  const csv = createCsvUpload({ onImported: () => submissions.refresh() });

  async function start() {
    let me;
    let weeks;
    try {
      [me, weeks] = await Promise.all([api.get('/api/v1/me'), api.get('/api/v1/operations')]);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status !== 401)
        alert(`Signed in, but your weeks could not be loaded: ${e.problem.detail}`);
      return;
    }
    const scope = me.region
      ? regionNames.get(me.region)
      : me.force
        ? forceNames.get(me.force)
        : 'national';
    el('who-name').textContent = `${me.sub} (${ROLE_NAMES[me.role] ?? me.role}, ${scope})`;
    el('who').hidden = false;
    el('sign-in').hidden = true;
    el('workspace').hidden = false;
    alert('');
    const { hasWeek } = setupWeekAndForce({
      weeks,
      forces: me.forces,
      forceNames,
      onChange(week, force) {
        form.setContext(week, force);
        csv.setContext(week);
        submissions.show(week, force);
      },
    });
    for (const id of ['report', 'submissions', 'csv']) el(id).hidden = !hasWeek;
    if (!me.forces.length) alert('Your sign-in does not allow reporting for any force.');
    el('context-heading').scrollIntoView();
  }

  whenSignedOut(showSignedOut);
  el('sign-out').addEventListener('click', () => {
    session.end();
    showSignedOut('You have signed out.');
    el('sign-in-sub').focus();
  });
  setupSignIn({ regions, forces, onSignedIn: start });
  if (session.token()) await start();
}

main().catch((e) =>
  alert(e instanceof ApiError ? `The page could not load: ${e.problem.detail}` : String(e)),
);
