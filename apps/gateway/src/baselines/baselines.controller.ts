import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  addIsoWeeks,
  Baseline,
  BASELINE_CSV_LIMITS,
  BASELINE_LIST_MAX_WEEKS,
  BASELINE_LIST_QUERY_SCHEMA,
  BaselineList,
  FieldError,
  ImportResult,
  INTERNAL,
  isoWeekErrors,
  isoWeekOf,
  isoWeekStart,
  validateBaselineFigures,
  validateQueryParams,
} from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { readCsvUpload } from '../limits/csv-upload';
import { Caller, forward } from '../upstream/forward';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { RETURN_TIMEOUT_MS, UpstreamClient } from '../upstream/upstream.client';
import { parseBaselineCsv } from './baseline-csv.parser';

const ROUTES = INTERNAL.reporting.baselines;

/** Business-as-usual weekly figures, per force and ISO week; reporting stores them. */
@Controller('api/v1')
export class BaselinesController {
  constructor(private readonly upstream: UpstreamClient) {}

  /** 201 for a force-week's first figures, 200 for a replacement (a new version) or a replay. */
  @Put('forces/:force/baselines/:isoWeek')
  report(
    @Param('force') force: string,
    @Param('isoWeek') isoWeek: string,
    @Body() body: unknown,
    @CurrentCaller('owner-status') caller: Caller,
  ): Promise<Baseline> {
    authorize(caller.p, 'baseline.write');
    const pathErrors = [...forceErrors(force), ...isoWeekErrors(isoWeek)];
    if (pathErrors.length) throw ProblemError.validation(pathErrors);
    authorize(caller.p, 'baseline.write', { force });
    const figures = validateBaselineFigures(body);
    if (!figures.ok) throw ProblemError.validation(figures.errors);
    return forward(this.upstream, ROUTES.report, {
      ...caller,
      params: { force, isoWeek },
      body: figures.value,
    });
  }

  /** The force's weeks, oldest first: by default the sixteen up to the current week. */
  @Get('forces/:force/baselines')
  async list(
    @Param('force') force: string,
    @Query() query: Record<string, unknown>,
    @CurrentPrincipal() p: Principal,
  ): Promise<BaselineList> {
    const q = validateQueryParams<{ from?: string; to?: string }>(
      BASELINE_LIST_QUERY_SCHEMA,
      query,
    );
    const errors: FieldError[] = [...forceErrors(force), ...(q.ok ? [] : q.errors)];
    if (errors.length || !q.ok) throw ProblemError.validation(errors);
    authorize(p, 'baseline.read', { force });
    const to = q.value.to ?? isoWeekOf(new Date());
    const from = q.value.from ?? addIsoWeeks(to, -15);
    errors.push(...isoWeekErrors(from, 'from'), ...isoWeekErrors(to, 'to'));
    if (!errors.length) errors.push(...spanErrors(from, to));
    if (errors.length) throw ProblemError.validation(errors);
    return (
      await this.upstream.send(ROUTES.list, { params: { force }, query: { from, to }, actor: p })
    ).body;
  }

  /** A CSV of force-weeks; per-row errors; the same file again changes nothing. */
  @Post('baselines/import')
  @HttpCode(200)
  async import(@CurrentCaller() caller: Caller): Promise<ImportResult> {
    authorize(caller.p, 'baseline.write');
    const parsed = await readCsvUpload(caller.req, BASELINE_CSV_LIMITS.bytes, (body) =>
      parseBaselineCsv(body, caller.p),
    );
    const stored = parsed.rows.length
      ? await forward(this.upstream, ROUTES.import, {
          ...caller,
          body: { rows: parsed.rows },
          timeoutMs: RETURN_TIMEOUT_MS,
        })
      : { accepted: 0, duplicates: 0, rejected: [] };
    return {
      accepted: stored.accepted,
      duplicates: stored.duplicates,
      rejected: [...parsed.rejected, ...stored.rejected].sort((a, b) => a.row - b.row),
    };
  }
}

function forceErrors(force: string): FieldError[] {
  return FORCE_CODES.includes(force)
    ? []
    : [{ field: 'force', message: 'must be a force code from GET /api/v1/forces' }];
}

function spanErrors(from: string, to: string): FieldError[] {
  const weeks = (isoWeekStart(to)!.getTime() - isoWeekStart(from)!.getTime()) / (7 * 86_400_000);
  if (weeks < 0) return [{ field: 'from', message: 'must not be after to' }];
  if (weeks >= BASELINE_LIST_MAX_WEEKS)
    return [
      { field: 'from', message: `must be fewer than ${BASELINE_LIST_MAX_WEEKS} weeks before to` },
    ];
  return [];
}
