import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { INTERNAL, LINE_RETURN_LIMITS, validateFocusForceOverride } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError, readLimitedText } from '@intensify/problems';
import { FORCE_CODES } from '@intensify/reference-data';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import {
  ddtros as ddtrosDisclosed,
  deconflictionAlerts,
  entries,
  lineHolders,
} from '../access-log/disclosed';
import { PersonLevel } from '../access-log/person-level.decorator';
import { readCsvUpload } from '../limits/csv-upload';
import { bodyAsSent, Caller, forward, queryAsSent } from '../upstream/forward';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { RETURN_TIMEOUT_MS, UpstreamClient } from '../upstream/upstream.client';
import { readOpenOperation, readOperation } from '../upstream/read-operation';
import { scopeFocusMap } from './scope-focus-map';
import { withOverrideReasonsFor } from './focus-override-reasons';

const { deconfliction, ddtros, ranking, returns } = INTERNAL.intelligence;

/** Returns, deconfliction, line holders, focus lines, DDTROs and the intelligence audit trail. */
@ApiTags('intelligence')
@Controller('api/v1')
export class IntelligenceController {
  constructor(private readonly upstream: UpstreamClient) {}

  /** A force's monthly return of lines as `text/csv`; the same file again changes nothing. */
  @Post('forces/:force/returns/:month')
  @HttpCode(200)
  async upload(
    @Param('force') force: string,
    @Param('month') month: string,
    @CurrentCaller() caller: Caller,
  ) {
    authorize(caller.p, 'line.return');
    const limit = LINE_RETURN_LIMITS.bytes;
    const csv = await readCsvUpload(caller.req, limit, (body) => readLimitedText(body, limit));
    return forward(this.upstream, returns.upload, {
      ...caller,
      params: { force, month },
      body: { csv },
      timeoutMs: RETURN_TIMEOUT_MS,
    });
  }

  @Get('deconfliction/alerts')
  @PersonLevel('deconfliction alerts', { disclosed: deconflictionAlerts })
  alerts(@CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.read');
    return forward(this.upstream, deconfliction.alerts, {
      ...caller,
      query: queryAsSent(caller.req),
    });
  }

  @Get('line-holders')
  @PersonLevel('line holders', { disclosed: lineHolders })
  holders(@CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.read');
    return forward(this.upstream, deconfliction.holders, {
      ...caller,
      query: queryAsSent(caller.req),
    });
  }

  /** NCLCC: the week's focus lines; its focus forces follow from where they export and import. */
  @Put('operations/:operationId/focus-lines')
  async setFocus(
    @Param('operationId') operationId: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ) {
    authorize(caller.p, 'focus.set');
    const op = await readOpenOperation(this.upstream, operationId, 'its focus is settled');
    return forward(this.upstream, ranking.setFocusLines, {
      ...caller,
      params: { operationId: op.id },
      body: bodyAsSent(body),
    });
  }

  /** NCLCC: make a force a focus force, or not, whatever the focus lines say, with a reason. */
  @Put('operations/:operationId/focus-forces/:force')
  async overrideFocusForce(
    @Param('operationId') operationId: string,
    @Param('force') force: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ) {
    authorize(caller.p, 'focus.set');
    const request = validateFocusForceOverride(body);
    const errors = [
      ...(FORCE_CODES.includes(force) ? [] : [{ field: 'force', message: 'is not a force code' }]),
      ...(request.ok ? [] : request.errors),
    ];
    if (errors.length) throw ProblemError.validation(errors);
    const op = await readOpenOperation(this.upstream, operationId, 'its focus is settled');
    return forward(this.upstream, ranking.overrideFocusForce, {
      ...caller,
      params: { operationId: op.id, force },
      body: bodyAsSent(body),
    });
  }

  @Get('operations/:operationId/focus-lines')
  async getFocus(@Param('operationId') operationId: string, @CurrentCaller() caller: Caller) {
    authorize(caller.p, 'operation.read');
    const op = await readOperation(this.upstream, operationId);
    const focus = await forward(this.upstream, ranking.getFocusLines, {
      ...caller,
      params: { operationId: op.id },
    });
    return withOverrideReasonsFor(caller.p, focus);
  }

  /**
   * Every force's active lines exporting and importing, focus lines touching it, whether it is
   * a focus force, and the week's outcomes there (the board's tally); figures only within the
   * caller's read scope.
   */
  @Get('operations/:operationId/focus-map')
  async focusMap(@Param('operationId') operationId: string, @CurrentPrincipal() p: Principal) {
    authorize(p, 'board.read');
    const op = await readOperation(this.upstream, operationId);
    const route = INTERNAL.projections.focusMap.read;
    return scopeFocusMap(
      (await this.upstream.send(route, { params: { operationId: op.id } })).body,
      p,
    );
  }

  @Get('ddtros')
  @PersonLevel('DDTROs', { disclosed: ddtrosDisclosed })
  ddtros(@CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.read');
    return forward(this.upstream, ddtros.list, { ...caller, query: queryAsSent(caller.req) });
  }

  /** Counts by status and the median time from a number first seen to its order granted. */
  @Get('ddtros/stats')
  ddtroStats(@CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.read');
    return forward(this.upstream, ddtros.stats, caller);
  }

  /** grant | actioned | refuse. */
  @Post('ddtros/:id/:decision')
  @HttpCode(200)
  decide(
    @Param('id') id: string,
    @Param('decision') decision: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ) {
    authorize(caller.p, 'line.write');
    return forward(this.upstream, ddtros.decide, {
      ...caller,
      params: { id, decision },
      body: bodyAsSent(body),
    });
  }

  @Get('intelligence/audit')
  @PersonLevel('intelligence audit', { disclosed: entries })
  audit(@CurrentCaller() caller: Caller) {
    authorize(caller.p, 'intelligence.audit');
    return forward(this.upstream, INTERNAL.intelligence.audit.list, {
      ...caller,
      query: queryAsSent(caller.req),
    });
  }
}
