import { csvFile, notFound, problem } from '../answers';
import { ApiRoute } from '../route';
import { onId, routesOf } from '../route-builders';

const { get } = routesOf('exports');
const noOperation = notFound('operation');
/** A week's figures as a CSV attachment. */
const csvExport = (description?: string) =>
  onId(
    csvFile('Attachment, UTF-8, CRLF line ends'),
    noOperation,
    description ? { description } : {},
  );

export const EXPORT_ROUTES: ApiRoute[] = [
  get(
    '/api/v1/operations/{id}/board/forces.csv',
    "The board's force table as CSV: one row per force the caller may see, every tally figure (drugs and weapons flattened as in CSV returns, `lines_*`) and tasking counts (`taskings_*`)",
    csvExport(),
  ),
  get(
    '/api/v1/operations/{id}/outcomes.csv',
    'Every outcome of the week as CSV, newest first, scoped like `GET /outcomes` (a region its forces, a force itself)',
    csvExport(
      'Columns: `id`, `status` (live or retracted), `version`, `createdAt`, `updatedAt`, then the CSV return columns (latest version) without `idempotencyKey`. Written page by page. Text starting with `=`, `+`, `-` or `@` is prefixed with an apostrophe so spreadsheets do not run it.',
    ),
  ),
  get(
    '/api/v1/operations/{id}/summary.pdf',
    "The week's summary (national and regional figures, top forces, tasking completion) as an A4 PDF, in the caller's scope",
    onId(
      {
        description: 'Attachment',
        contentType: 'application/pdf',
        schema: { type: 'string', format: 'binary' },
      },
      noOperation,
      {
        description:
          "Rendered by headless Chromium from the printable page `/board/{id}/summary`, loaded with the caller's own token. 503 `service_unavailable` when Chromium (`CHROMIUM_PATH`) is missing or the page does not render in time.",
        responses: {
          503: problem('Chromium is not available, or a service did not answer', [
            'service_unavailable',
          ]),
        },
      },
    ),
  ),
];
