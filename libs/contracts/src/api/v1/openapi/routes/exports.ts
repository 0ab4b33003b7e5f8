import { csvFile, notFound, pathId, problem } from '../answers';
import { ApiRoute } from '../route';

const csvAttachment = csvFile('Attachment, UTF-8, CRLF line ends');
const noOperation = notFound('operation');

export const EXPORT_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/operations/{id}/board/forces.csv',
    personLevel: 'read',
    tag: 'exports',
    summary:
      "The board's force table as CSV: one row per force the caller may see, every tally figure (drugs and weapons flattened as in CSV returns, `lines_*`) and tasking counts (`taskings_*`)",
    params: [pathId()],
    responses: { 200: csvAttachment, 404: noOperation },
  },
  {
    method: 'get',
    path: '/api/v1/operations/{id}/outcomes.csv',
    personLevel: 'read',
    tag: 'exports',
    summary:
      'Every outcome of the week as CSV, newest first, scoped like `GET /outcomes` (a region its forces, a force itself)',
    description:
      'Columns: `id`, `status` (live or retracted), `version`, `createdAt`, `updatedAt`, then the CSV return columns (latest version) without `idempotencyKey`. Written page by page. Text starting with `=`, `+`, `-` or `@` is prefixed with an apostrophe so spreadsheets do not run it.',
    params: [pathId()],
    responses: { 200: csvAttachment, 404: noOperation },
  },
  {
    method: 'get',
    path: '/api/v1/operations/{id}/summary.pdf',
    personLevel: 'read',
    tag: 'exports',
    summary:
      "The week's summary (national and regional figures, top forces, tasking completion) as an A4 PDF, in the caller's scope",
    description:
      "Rendered by headless Chromium from the printable page `/board/{id}/summary`, loaded with the caller's own token. 503 `service_unavailable` when Chromium (`CHROMIUM_PATH`) is missing or the page does not render in time.",
    params: [pathId()],
    responses: {
      200: {
        description: 'Attachment',
        contentType: 'application/pdf',
        schema: { type: 'string', format: 'binary' },
      },
      404: noOperation,
      503: problem('Chromium is not available, or a service did not answer', [
        'service_unavailable',
      ]),
    },
  },
];
