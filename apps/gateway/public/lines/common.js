// Shared by the register pages: the common page shell (sign-in, who is signed in), and formatting.
import { ApiError } from '/common/assets/api.js';
import { alert, startPage as startShell } from '/common/assets/page-shell.js';
import { formatDateTime } from '/common/assets/units.js';

export { alert };

export const el = (id) => document.getElementById(id);

export function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  return td;
}

export const when = (iso) => (iso ? formatDateTime(iso) : '—');

/**
 * Signs in (dev sign-in), then calls `onReady({ me, forces, forceName })` with the caller and the
 * force list; the shell shows the workspace only while signed in.
 */
export async function startPage(onReady) {
  let forces = [];
  let forceName = (code) => code;
  const shell = await startShell({
    roles: ['regional', 'force', 'nclcc'],
    onSignedIn: (me) => onReady({ me, forces, forceName }),
  });
  forces = shell.forces;
  forceName = (code) => shell.forceNames.get(code) ?? code;
  await shell.resume();
}

export function failed(e) {
  alert(e instanceof ApiError ? `The page could not load: ${e.problem.detail}` : String(e));
}
