// Shared by the register pages: sign-in (the reporting page's), reference data, and formatting.
import { ApiError, api, session, whenSignedOut } from '/report/assets/api.js';
import { setupSignIn } from '/report/assets/sign-in.js';

export const el = (id) => document.getElementById(id);

export function alert(message) {
  el('page-alert').textContent = message;
  el('page-alert').hidden = !message;
}

export function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  return td;
}

export const when = (iso) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/**
 * Signs in (dev sign-in), then calls `onReady({ me, forces, forceName })` with the caller and the
 * force list; shows the workspace only while signed in.
 */
export async function startPage(onReady) {
  const [regions, forces] = await Promise.all([
    api.get('/api/v1/regions'),
    api.get('/api/v1/forces'),
  ]);
  const names = new Map(forces.map((f) => [f.code, f.name]));
  const forceName = (code) => names.get(code) ?? code;
  const signedOut = (message = '') => {
    el('workspace').hidden = true;
    el('who').hidden = true;
    el('sign-in').hidden = false;
    alert(message);
  };
  async function start() {
    let me;
    try {
      me = await api.get('/api/v1/me');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return;
    }
    el('who-name').textContent =
      `${me.sub} (${me.role}${me.region ? `, ${me.region}` : ''}${me.force ? `, ${forceName(me.force)}` : ''})`;
    el('who').hidden = false;
    el('sign-in').hidden = true;
    el('workspace').hidden = false;
    alert('');
    await onReady({ me, forces, forceName });
  }
  whenSignedOut(signedOut);
  el('sign-out').addEventListener('click', () => {
    session.end();
    signedOut('You have signed out.');
  });
  setupSignIn({ regions, forces, onSignedIn: start });
  if (session.token()) await start();
}

export function failed(e) {
  alert(e instanceof ApiError ? `The page could not load: ${e.problem.detail}` : String(e));
}
