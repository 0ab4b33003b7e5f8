// The NCLCC's audit page: one of the audit trails or the access log, filtered by who, subject
// and action, paged newest first with "Load more" by the API's cursor.
import { ApiError, api } from '/common/assets/api.js';
import { byId, cell, el } from '/common/assets/dom.js';
import { showFieldErrors } from '/common/assets/field-errors.js';
import { failed, startPage } from '/common/assets/page-shell.js';
import { AUDIT_ROLES } from '/common/assets/roles.js';
import { formatDateTime } from '/common/assets/units.js';
import { pageUrl, SOURCES } from './sources.js';

/** The page's filter names, by the API's names for them. */
const FIELDS = { sub: 'sub', subjectId: 'subject', subjectRef: 'subject', action: 'action' };

async function main() {
  const page = await startPage({ roles: AUDIT_ROLES, onSignedIn: () => showLog() });
  await page.resume();
}

async function showLog() {
  const form = byId('log-filter');
  let cursor = null;
  let shown = 0;

  const filters = () =>
    Object.fromEntries(
      ['sub', 'subject', 'action'].map((n) => [n, form.elements.namedItem(n).value.trim()]),
    );

  async function load(more) {
    const source = SOURCES[form.elements.namedItem('source').value];
    byId('log-status').textContent = 'Loading…';
    try {
      const page = await api.get(pageUrl(source, filters(), more ? cursor : null));
      showFieldErrors(form, []);
      const rows = page.items.map((e) => {
        const [at, who, what, subject, detail] = source.row(e);
        return el(
          'tr',
          {},
          cell(formatDateTime(at)),
          cell(who),
          cell(what),
          cell(subject),
          cell(detail),
        );
      });
      if (more) byId('log-rows').append(...rows);
      else byId('log-rows').replaceChildren(...rows);
      shown = more ? shown + rows.length : rows.length;
      cursor = page.nextCursor;
      byId('load-more').hidden = !cursor;
      byId('log-status').textContent = shown
        ? `Showing ${shown} entr${shown === 1 ? 'y' : 'ies'}${cursor ? '; more are older' : ''}`
        : 'No entries match';
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = (e.problem.errors ?? []).map((x) => ({
        ...x,
        field: FIELDS[x.field] ?? x.field,
      }));
      showFieldErrors(form, errors);
      byId('log-status').textContent = e.problem.detail;
    }
  }

  form.onsubmit = (e) => {
    e.preventDefault();
    void load(false);
  };
  byId('load-more').onclick = () => load(true);
  await load(false);
}

main().catch(failed);
