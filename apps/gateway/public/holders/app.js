// Line holders ranked by the lines they control (GET /line-holders, person-level: the page asks
// why once per session), with every factor the API gives as a table and the top holders' lines
// as a bar chart.
import { ApiError, api } from '/common/assets/api.js';
import { barChart } from '/common/assets/bar-chart.js';
import { byId, cell, el } from '/common/assets/dom.js';
import { alert, failed, startPage } from '/common/assets/page-shell.js';
import { DESK_ROLES } from '/common/assets/roles.js';

const CHARTED = 15;

async function main() {
  const page = await startPage({ roles: DESK_ROLES, onSignedIn: () => showHolders(page) });
  await page.resume();
}

async function showHolders({ forceNames }) {
  const forceName = (code) => forceNames.get(code) ?? code;

  async function show() {
    const linked = byId('linked').value;
    try {
      const { items } = await api.get(`/api/v1/line-holders?linkedLines>=${linked}&limit=200`);
      byId('holders-rows').replaceChildren(
        ...items.map((h, i) =>
          el(
            'tr',
            {},
            cell(String(i + 1)),
            el('th', { scope: 'row' }, h.holderRef),
            cell(String(h.linkedLines)),
            cell(String(h.activeLines)),
            cell(h.forces.map(forceName).join(', ')),
            cell(h.lines.map((l) => `${l.brand} (${l.status})`).join(', ')),
          ),
        ),
      );
      const top = items.slice(0, CHARTED);
      byId('holders-chart').replaceChildren(
        ...(top.length
          ? [
              barChart({
                title: `Lines controlled by the top ${top.length} holders`,
                items: top.map((h) => ({ label: h.holderRef, value: h.linkedLines })),
              }),
            ]
          : []),
      );
      byId('holders-status').textContent = items.length
        ? `${items.length} holder${items.length === 1 ? '' : 's'} controlling at least ${linked} line${linked === '1' ? '' : 's'}`
        : `No holders control at least ${linked} line${linked === '1' ? '' : 's'}`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      alert(e.problem.detail);
    }
  }

  byId('holders-filter').onsubmit = (e) => {
    e.preventDefault();
    void show();
  };
  await show();
}

main().catch(failed);
