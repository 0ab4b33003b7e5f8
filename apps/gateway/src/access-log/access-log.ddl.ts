/**
 * The gateway's own schema: it is the one place that sees every read, export and purpose, so
 * it keeps the log. Entries are retained (no job deletes them); indexes serve the filters.
 */
export const ACCESS_SCHEMA = 'access';

export const ACCESS_LOG_DDL = `
  CREATE TABLE IF NOT EXISTS access.access_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    sub text NOT NULL,
    role text NOT NULL,
    region text,
    force text,
    data text NOT NULL,
    route text NOT NULL,
    path text NOT NULL,
    resource_ids text[] NOT NULL DEFAULT '{}',
    subject_refs text[] NOT NULL DEFAULT '{}',
    purpose text NOT NULL,
    correlation_id text NOT NULL,
    export_kind text,
    export_rows integer
  );
  CREATE INDEX IF NOT EXISTS access_log_sub_idx ON access.access_log (sub, id DESC);
  CREATE INDEX IF NOT EXISTS access_log_subject_refs_idx ON access.access_log USING gin (subject_refs);
`;
