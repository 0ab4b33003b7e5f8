// The register: search and filter lines in scope, open one to see its numbers, history,
// orders and alerts. Reading a line shows its holder references, and that read is audited.
import { ApiError, api } from '/common/assets/api.js';
import { linkedId } from '/common/assets/deep-link.js';
import { byId as el, cell } from '/common/assets/dom.js';
import { alert, failed, startPage } from '/common/assets/page-shell.js';
import { formatWhen as when } from '/common/assets/units.js';
import { REPORTING_ROLES } from '/common/assets/roles.js';

const RISKS = {
  childrenExploited: 'children exploited',
  weapons: 'weapons',
  violence: 'violence',
  cuckooing: 'cuckooing',
};

async function main() {
  // Deconfliction alerts are acted on at their desk: links stored before it moved go there.
  const alertLink = linkedId(location.search, 'alert');
  if (alertLink) {
    location.replace(`/deconfliction?${new URLSearchParams({ alert: alertLink })}`);
    return;
  }
  const page = await startPage({ roles: REPORTING_ROLES, onSignedIn: () => showSearch(page) });
  await page.resume();
}

async function showSearch({ forces, forceNames }) {
  const forceName = (code) => forceNames.get(code) ?? code;
  const forceSelect = el('filter-force');
  forceSelect.replaceChildren(
    forceSelect.options[0],
    ...forces.map((f) =>
      Object.assign(document.createElement('option'), { value: f.code, text: f.name }),
    ),
  );
  let cursor = null;

  async function search(more = false) {
    const params = new URLSearchParams();
    for (const name of ['q', 'force', 'status']) {
      const v = el('search-form').elements.namedItem(name).value.trim();
      if (v) params.set(name, v);
    }
    if (more && cursor) params.set('cursor', cursor);
    el('lines-status').textContent = 'Searching…';
    try {
      const page = await api.get(`/api/v1/lines?${params}`);
      cursor = page.nextCursor;
      const rows = page.items.map((l) => lineRow(l, forceName));
      if (more) el('lines-rows').append(...rows);
      else el('lines-rows').replaceChildren(...rows);
      const shown = el('lines-rows').children.length;
      el('lines-status').textContent = shown
        ? `Showing ${shown} line${shown === 1 ? '' : 's'}`
        : 'Nothing found';
      el('more-lines').hidden = !cursor;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      el('lines-status').textContent = e.problem.errors.length
        ? e.problem.errors.map((x) => `${x.field}: ${x.message}`).join('; ')
        : e.problem.detail;
    }
  }

  function lineRow(l, name) {
    const tr = document.createElement('tr');
    const open = Object.assign(document.createElement('button'), {
      type: 'button',
      className: 'link-button',
      textContent: l.brand,
    });
    open.addEventListener('click', () => showLine(l.id, name));
    const brand = document.createElement('td');
    brand.append(open);
    tr.append(
      brand,
      cell(name(l.exportingForce)),
      cell(l.importingForces.map(name).join(', ') || '—'),
      cell(l.status + (l.closureType ? ` (${l.closureType})` : '')),
      cell(String(l.numbers.filter((n) => n.status === 'active').length)),
      cell(when(l.lastIntelligenceAt)),
    );
    return tr;
  }

  el('search-form').onsubmit = (e) => {
    e.preventDefault();
    search();
  };
  el('more-lines').onclick = () => search(true);
  await search();
  // A link from the inbox names a line (`?line=`): its detail opens, with focus on it.
  const linkedLine = linkedId(location.search, 'line');
  if (linkedLine) await showLine(linkedLine, forceName);
}

main().catch(failed);

async function showLine(id, name) {
  let l;
  try {
    l = await api.get(`/api/v1/lines/${id}`);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    alert(e.problem.detail);
    return;
  }
  el('detail').hidden = false;
  el('detail-heading').textContent = `Line “${l.brand}”`;
  const risks = Object.entries(RISKS)
    .filter(([k]) => l.riskFactors[k])
    .map(([, v]) => v);
  const facts = [
    ['Recorded by', name(l.recordedBy)],
    ['Exports from', name(l.exportingForce)],
    ['Imports into', l.importingForces.map(name).join(', ') || '—'],
    ['Status', l.status + (l.closureType ? ` (closure ${l.closureType})` : '')],
    ['Risk factors', risks.join(', ') || 'none recorded'],
    ['Line holders', (l.holderRefs ?? []).join(', ') || 'none recorded'],
    ['Last intelligence', when(l.lastIntelligenceAt)],
  ];
  el('detail-summary').replaceChildren(
    ...facts.flatMap(([k, v]) => [
      Object.assign(document.createElement('dt'), { textContent: k }),
      Object.assign(document.createElement('dd'), { textContent: v }),
    ]),
  );
  el('numbers-rows').replaceChildren(
    ...l.numbers.map((n) => {
      const tr = document.createElement('tr');
      tr.append(
        cell(n.number),
        cell(n.status),
        cell(when(n.firstSeenAt)),
        cell(when(n.lastSeenAt)),
        cell(n.replacedBy ?? '—'),
        cell(when(n.cutOffAt)),
      );
      return tr;
    }),
  );
  el('history-list').replaceChildren(
    ...l.numberHistory.map((h) =>
      Object.assign(document.createElement('li'), {
        textContent: `${when(h.at)}: ${h.number} ${h.event}${h.details.replacedBy ? ` by ${h.details.replacedBy}` : ''}`,
      }),
    ),
  );
  el('orders-rows').replaceChildren(
    ...l.ddtros.map((d) => {
      const tr = document.createElement('tr');
      const deadline = cell(when(d.providerDeadline));
      if (d.providerOverdue) {
        deadline.append(
          Object.assign(document.createElement('span'), {
            className: 'flag-warning',
            textContent: ' overdue',
          }),
        );
      }
      tr.append(
        cell(d.number),
        cell(d.status),
        cell(when(d.appliedAt)),
        cell(when(d.grantedAt)),
        deadline,
      );
      return tr;
    }),
  );
  const alerts = [
    ...l.deconfliction.map(
      (a) =>
        `Also recorded by ${a.forces
          .filter((f) => f !== l.recordedBy)
          .map(name)
          .join(', ')}: ${a.kind} ${a.value}`,
    ),
    ...l.replacementAlerts.map(
      (a) => `Replacement number ${a.number} seen while under order (${when(a.raisedAt)})`,
    ),
  ];
  el('alerts-list').replaceChildren(
    ...(alerts.length ? alerts : ['No alerts']).map((t) =>
      Object.assign(document.createElement('li'), { textContent: t }),
    ),
  );
  el('detail-heading').focus();
}
