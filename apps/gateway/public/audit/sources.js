// The logs the page reads: where each lives, how its filters are named, and how an entry reads
// as a row (when, who, what, subject, detail).
const actor = (a) =>
  `${a.sub} (${a.role}${a.region ? `, ${a.region}` : a.force ? `, ${a.force}` : ''})`;

const auditRow = (e) => [
  e.at,
  actor(e.actor),
  e.action,
  e.subjectId ?? '—',
  `correlation ${e.correlationId}`,
];

const audit = (path) => ({
  path,
  query: ({ sub, subject, action }) => ({ sub, subjectId: subject, action }),
  row: auditRow,
});

export const SOURCES = {
  audit: audit('/api/v1/audit'),
  intelligence: audit('/api/v1/intelligence/audit'),
  safeguarding: audit('/api/v1/safeguarding/audit'),
  access: {
    path: '/api/v1/access-log',
    // The access log has no action filter.
    query: ({ sub, subject }) => ({ sub, subjectRef: subject }),
    row: (e) => [
      e.at,
      actor(e.who),
      `${e.what.data} (${e.what.route})`,
      e.what.subjectRefs.join(', ') || '—',
      `purpose: ${e.purpose}`,
    ],
  },
};

/** The page's URL for a source, its filters (empty ones left out) and a cursor. */
export function pageUrl(source, filters, cursor) {
  const params = new URLSearchParams({ limit: '50' });
  for (const [k, v] of Object.entries(source.query(filters))) if (v) params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  return `${source.path}?${params}`;
}
