import { ApiRoute } from './route';
import { ACCESS_LOG_ROUTES, ACCESS_LOG_SCHEMAS } from './routes/access-log';
import { AUDIT_ROUTES, AUDIT_SCHEMAS } from './routes/audit';
import { AUTH_ROUTES } from './routes/auth';
import { BASELINE_ROUTES, BASELINE_SCHEMAS } from './routes/baselines';
import { BOARD_ROUTES, BOARD_SCHEMAS } from './routes/board';
import { DDTRO_ROUTES, DDTRO_SCHEMAS } from './routes/ddtros';
import { DECONFLICTION_ROUTES } from './routes/deconfliction';
import { EXPORT_ROUTES } from './routes/exports';
import { FOCUS_LINE_RESULT_ROUTES, FOCUS_LINE_RESULT_SCHEMAS } from './routes/focus-line-results';
import { HANDOFF_ROUTES, HANDOFF_SCHEMAS } from './routes/handoffs';
import { HEALTH_ROUTES } from './routes/health';
import { INBOX_ROUTES, INBOX_SCHEMAS } from './routes/inbox';
import { LINE_ROUTES, LINE_SCHEMAS } from './routes/lines';
import { OPERATION_ROUTES, OPERATION_SCHEMAS } from './routes/operations';
import { OUTCOME_ROUTES, OUTCOME_SCHEMAS } from './routes/outcomes';
import { REFERENCE_DATA_ROUTES } from './routes/reference-data';
import { TASKING_ROUTES, TASKING_SCHEMAS } from './routes/taskings';
import { SHARED_SCHEMAS } from './shared';

/**
 * Reads of person-level data (s.62): they need `X-Purpose`, are logged and are not cached. The
 * gateway marks the same routes `@PersonLevel`; a unit test keeps the two lists equal.
 */
const PERSON_LEVEL_READS = new Set([
  'get /api/v1/lines',
  'get /api/v1/lines/{id}',
  'get /api/v1/line-holders',
  'get /api/v1/deconfliction/alerts',
  'get /api/v1/ddtros/replacement-alerts',
  'get /api/v1/ddtros',
  'get /api/v1/operations/{id}/outcomes',
  'get /api/v1/operations/{id}/board/forces.csv',
  'get /api/v1/operations/{id}/outcomes.csv',
  'get /api/v1/operations/{id}/summary.pdf',
  'get /api/v1/audit',
  'get /api/v1/intelligence/audit',
  'get /api/v1/access-log',
  'get /api/v1/handoffs',
  'get /api/v1/handoffs/{id}',
  'get /api/v1/safeguarding/audit',
]);

/** Event streams of person-level data: `?purpose=` (browsers send no headers), logged on open. */
const PERSON_LEVEL_STREAMS = new Set(['get /api/v1/handoffs/stream']);

/** Writes that answer with the person: logged and not cached, `X-Purpose` optional. */
const PERSON_LEVEL_WRITES = new Set([
  'post /api/v1/handoffs',
  'post /api/v1/handoffs/{id}/acknowledge',
  'post /api/v1/handoffs/{id}/redirect',
  'post /api/v1/handoffs/{id}/close',
  'post /api/v1/deconfliction/alerts/{id}/acknowledge',
  'post /api/v1/deconfliction/alerts/{id}/resolve',
  'post /api/v1/deconfliction/alerts/{id}/hand-to-region',
]);

function markPersonLevel(r: ApiRoute): ApiRoute {
  const key = `${r.method} ${r.path}`;
  if (PERSON_LEVEL_READS.has(key)) return { ...r, personLevel: 'read' };
  if (PERSON_LEVEL_STREAMS.has(key)) return { ...r, personLevel: 'stream' };
  if (PERSON_LEVEL_WRITES.has(key)) return { ...r, personLevel: 'write' };
  return r;
}

/** Every route of the public API, version 1, by area. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...AUTH_ROUTES,
  ...REFERENCE_DATA_ROUTES,
  ...OPERATION_ROUTES,
  ...OUTCOME_ROUTES,
  ...BOARD_ROUTES,
  ...FOCUS_LINE_RESULT_ROUTES,
  ...TASKING_ROUTES,
  ...LINE_ROUTES,
  ...DDTRO_ROUTES,
  ...DECONFLICTION_ROUTES,
  ...EXPORT_ROUTES,
  ...AUDIT_ROUTES,
  ...ACCESS_LOG_ROUTES,
  ...HANDOFF_ROUTES,
  ...BASELINE_ROUTES,
  ...INBOX_ROUTES,
  ...HEALTH_ROUTES,
].map(markPersonLevel);

/** The components the answers refer to; request bodies add their own as the document is built. */
export const API_SCHEMAS: Record<string, object> = {
  ...SHARED_SCHEMAS,
  ...OPERATION_SCHEMAS,
  ...OUTCOME_SCHEMAS,
  ...BOARD_SCHEMAS,
  ...FOCUS_LINE_RESULT_SCHEMAS,
  ...TASKING_SCHEMAS,
  ...LINE_SCHEMAS,
  ...DDTRO_SCHEMAS,
  ...AUDIT_SCHEMAS,
  ...ACCESS_LOG_SCHEMAS,
  ...HANDOFF_SCHEMAS,
  ...BASELINE_SCHEMAS,
  ...INBOX_SCHEMAS,
};
