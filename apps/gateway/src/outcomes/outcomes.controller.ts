import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  CSV_LIMITS,
  ImportResult,
  INTERNAL,
  OUTCOME_TYPES,
  OutcomeAccepted,
  OutcomeItem,
  OutcomeListQuery,
  Page,
} from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { entries } from '../access-log/disclosed';
import { PersonLevel } from '../access-log/person-level.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { Caller, forward } from '../upstream/forward';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { readOpenOperation } from '../upstream/read-operation';
import { RETURN_TIMEOUT_MS, UpstreamClient } from '../upstream/upstream.client';
import { readCsvUpload } from '../limits/csv-upload';
import { LineReferences } from '../intelligence/line-references';
import { correlationIdOf } from '../upstream/correlation';
import { checkOutcomeWrite } from './check-outcome-write';
import { OutcomeBatches } from './outcome-batches';
import { rejectUnknownLines } from './csv-line-references';
import { parseCsvReturn } from './csv-return.parser';

const ROUTES = INTERNAL.reporting.outcomes;

@Controller('api/v1/operations/:operationId/outcomes')
export class OutcomesController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly lines: LineReferences,
    private readonly batches: OutcomeBatches,
  ) {}

  /**
   * 202 when first accepted (committed in PostgreSQL), 200 when the same key and body are
   * replayed. Sent to reporting together with the same caller's other outcomes in flight.
   */
  @Post()
  async record(
    @Param('operationId') operationId: string,
    @Body() body: unknown,
    @CurrentCaller('owner-status') caller: Caller,
  ): Promise<OutcomeAccepted> {
    const checked = await checkOutcomeWrite(caller, body, this.lines);
    const recorded = await this.batches.record(caller.p, {
      operationId,
      idempotencyKey: checked.idempotencyKey,
      correlationId: correlationIdOf(caller.req),
      outcome: checked.body,
    });
    caller.res?.status(recorded.status);
    return recorded.body;
  }

  /** Outcomes in the caller's scope, newest first, each with its version history. */
  @Get()
  @PersonLevel('outcomes with notes', { disclosed: entries })
  async list(
    @Param('operationId') operationId: string,
    @CurrentPrincipal() p: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<Page<OutcomeItem>> {
    authorize(p, 'outcome.read');
    const answer = await this.upstream.send(ROUTES.list, {
      params: { operationId },
      query: listQuery(query),
      actor: p,
    });
    return answer.body;
  }

  /** A CSV return, one outcome per row, read as it arrives; see the OpenAPI description. */
  @Post('import')
  @HttpCode(200)
  async import(
    @Param('operationId') operationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportResult> {
    authorize(caller.p, 'outcome.write');
    const parsed = await rejectUnknownLines(
      await readCsvUpload(caller.req, CSV_LIMITS.bytes, (body) => parseCsvReturn(body, caller.p)),
      caller.p,
      this.lines,
    );
    const stored = parsed.rows.length
      ? await forward(this.upstream, ROUTES.import, {
          ...caller,
          params: { operationId },
          body: { rows: parsed.rows },
          timeoutMs: RETURN_TIMEOUT_MS,
        })
      : await this.emptyImport(operationId);
    return {
      accepted: stored.accepted,
      duplicates: stored.duplicates,
      rejected: [...parsed.rejected, ...stored.rejected].sort((a, b) => a.row - b.row),
    };
  }

  /** A file with no good rows still answers 404 or 409 for a missing or closed week. */
  private async emptyImport(operationId: string): Promise<ImportResult> {
    await readOpenOperation(this.upstream, operationId, 'its figures are final');
    return { accepted: 0, duplicates: 0, rejected: [] };
  }
}

const STATUSES = ['live', 'retracted'];

function listQuery(q: Record<string, unknown>): OutcomeListQuery {
  const errors = [];
  const out: Record<string, string> = {};
  const known = ['force', 'type', 'status', 'cursor', 'limit'];
  for (const [k, v] of Object.entries(q)) {
    if (!known.includes(k)) errors.push({ field: k, message: 'is not a known query parameter' });
    else if (typeof v !== 'string') errors.push({ field: k, message: 'must be given once' });
    else if (v !== '') out[k] = v;
  }
  const check = (k: string, allowed: readonly string[]) => {
    const v = out[k];
    if (v && !allowed.includes(v))
      errors.push({ field: k, message: `must be one of the known values` });
  };
  check('force', FORCE_CODES);
  check('type', OUTCOME_TYPES);
  check('status', STATUSES);
  if (errors.length) throw ProblemError.validation(errors);
  return out;
}
