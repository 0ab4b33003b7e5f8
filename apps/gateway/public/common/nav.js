// The one list of pages, and the main navigation built from it for the signed-in role.
import {
  ALL_ROLES,
  AUDIT_ROLES,
  DESK_ROLES,
  REPORTING_ROLES,
  SAFEGUARDING_ROLES,
} from './roles.js';
import { el as h } from './dom.js';

export const PAGES = [
  { href: '/report', label: 'Report', roles: REPORTING_ROLES },
  { href: '/baselines', label: 'Baselines', roles: REPORTING_ROLES },
  { href: '/taskings', label: 'Taskings', roles: ALL_ROLES },
  { href: '/board', label: 'Board', roles: ALL_ROLES },
  { href: '/lines', label: 'Lines register', roles: ALL_ROLES },
  { href: '/safeguarding', label: 'Safeguarding', roles: SAFEGUARDING_ROLES },
  { href: '/ddtros', label: 'DDTROs', roles: DESK_ROLES },
  { href: '/deconfliction', label: 'Deconfliction', roles: DESK_ROLES },
  { href: '/holders', label: 'Line holders', roles: DESK_ROLES },
  { href: '/audit', label: 'Audit', roles: AUDIT_ROLES },
  { href: '/inbox', label: 'Inbox', roles: ALL_ROLES },
];

const isCurrent = (href) => location.pathname === href || location.pathname.startsWith(`${href}/`);

/** Fills `nav` with the pages `role` may use (none while signed out), marking the current one. */
export function showNav(nav, role) {
  const pages = role ? PAGES.filter((p) => p.roles.includes(role)) : [];
  nav.hidden = pages.length === 0;
  nav.replaceChildren(
    h(
      'ul',
      {},
      ...pages.map((p) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: p.href, attrs: isCurrent(p.href) ? { 'aria-current': 'page' } : {} },
            p.label,
          ),
        ),
      ),
    ),
  );
}
