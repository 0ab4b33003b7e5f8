// The one list of pages, and the main navigation built from it for the signed-in role. The
// home page's cards come from the same list, each with its `summary`.
import {
  ALL_ROLES,
  AUDIT_ROLES,
  DESK_ROLES,
  NCLCC_ROLES,
  REPORTING_ROLES,
  SAFEGUARDING_ROLES,
} from './roles.js';
import { el as h } from './dom.js';

export const PAGES = [
  { href: '/', label: 'Home', roles: ALL_ROLES, summary: 'What needs you now.' },
  {
    href: '/weeks',
    label: 'Plan weeks',
    roles: NCLCC_ROLES,
    summary: 'Create and edit weeks, choose focus lines and forces, close and reopen.',
  },
  {
    href: '/report',
    label: 'Report',
    roles: REPORTING_ROLES,
    summary: 'Report results for a force, correct or retract them, upload a CSV return.',
  },
  {
    href: '/baselines',
    label: 'Baselines',
    roles: REPORTING_ROLES,
    summary: 'Business-as-usual weekly figures, so a week can be compared with those before.',
  },
  {
    href: '/taskings',
    label: 'Taskings',
    roles: ALL_ROLES,
    summary: 'Issue taskings, or acknowledge and act on those issued to you.',
  },
  {
    href: '/board',
    label: 'Board',
    roles: ALL_ROLES,
    summary: 'Live national, regional and force figures of a week.',
  },
  {
    href: '/lines',
    label: 'Lines register',
    roles: ALL_ROLES,
    summary: 'County lines, their numbers, DDTROs and alerts; monthly returns.',
  },
  {
    href: '/safeguarding',
    label: 'Safeguarding',
    roles: SAFEGUARDING_ROLES,
    summary: 'Hand-offs of children and vulnerable adults found away from home.',
  },
  {
    href: '/ddtros',
    label: 'DDTROs',
    roles: DESK_ROLES,
    summary: 'Orders on deal numbers: provider deadlines, decisions, replacement numbers.',
  },
  {
    href: '/deconfliction',
    label: 'Deconfliction',
    roles: DESK_ROLES,
    summary: 'Numbers and holders seen by more than one force: acknowledge, resolve, hand on.',
  },
  {
    href: '/holders',
    label: 'Line holders',
    roles: DESK_ROLES,
    summary: 'Line holders ranked by the lines they control.',
  },
  {
    href: '/audit',
    label: 'Audit',
    roles: AUDIT_ROLES,
    summary: 'Who did what, and every read of person-level data with its purpose.',
  },
  {
    href: '/inbox',
    label: 'Inbox',
    roles: ALL_ROLES,
    summary: 'Everything that needs you, newest first; read and unread.',
  },
];

/** The pages `role` may use, in the order of the navigation. */
export const pagesFor = (role) => (role ? PAGES.filter((p) => p.roles.includes(role)) : []);

const isCurrent = (href) => location.pathname === href || location.pathname.startsWith(`${href}/`);

/** Fills `nav` with the pages `role` may use (none while signed out), marking the current one. */
export function showNav(nav, role) {
  const pages = pagesFor(role);
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
