// The roles one signs in with, as every page names and offers them. `region` says whether the
// role needs a region ("required") or may name one ("optional": a commander may watch one
// region or, with none, the nation); `sub` is the example user id the sign-in form suggests.
export const ROLES = {
  nclcc: { label: 'NCLCC (national)', name: 'NCLCC', sub: 'nclcc-user' },
  regional: {
    label: 'Regional coordinator',
    name: 'regional coordinator',
    sub: 'regional-user',
    region: 'required',
  },
  force: { label: 'Force user', name: 'force user', sub: 'force-user', force: true },
  commander: { label: 'Commander', name: 'commander', sub: 'commander-user', region: 'optional' },
};

export const ALL_ROLES = Object.keys(ROLES);

/** Those who report for forces (the reporting page and the lines register offer them). */
export const REPORTING_ROLES = ['regional', 'force', 'nclcc'];

/** The board and its summary serve every role, commanders first. */
export const BOARD_ROLES = ['commander', 'nclcc', 'regional', 'force'];

/** Hand-offs are person-level: those who raise and own them, never commanders (who see counts). */
export const SAFEGUARDING_ROLES = ['force', 'regional', 'nclcc'];

/** The NCLCC's desks (DDTROs, deconfliction, line holders): regional coordinators read them too. */
export const DESK_ROLES = ['nclcc', 'regional'];

/** The audit trail and the access log are the NCLCC's alone. */
export const AUDIT_ROLES = ['nclcc'];
/** Planning weeks (the weeks console) is the NCLCC's alone. */
export const NCLCC_ROLES = ['nclcc'];
