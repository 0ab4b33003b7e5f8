import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { INTERNAL } from '@intensify/contracts';
import { authorize } from '../auth/forbid';
import { lineDetail, lineSearch } from '../access-log/disclosed';
import { PersonLevel } from '../access-log/person-level.decorator';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { bodyAsSent, Caller, forward, queryAsSent } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';

const { lines, ranking, ddtros } = INTERNAL.intelligence;

/** The county lines register, owned by the intelligence service, which validates and scopes. */
@ApiTags('lines')
@Controller('api/v1/lines')
export class LinesController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Post()
  register(@Body() body: unknown, @CurrentCaller('owner-status') caller: Caller) {
    authorize(caller.p, 'line.write');
    return forward(this.upstream, lines.register, { ...caller, body: bodyAsSent(body) });
  }

  @Get()
  @PersonLevel('line search', { disclosed: lineSearch })
  list(@CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.read');
    return forward(this.upstream, lines.list, { ...caller, query: queryAsSent(caller.req) });
  }

  /** Harm ranking for a week's focus: each line's score with the factors behind it. */
  @Get('ranking')
  ranking(@CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.read');
    return forward(this.upstream, ranking.rank, { ...caller, query: queryAsSent(caller.req) });
  }

  @Get(':id')
  @PersonLevel('line detail', { disclosed: lineDetail })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.read');
    return forward(this.upstream, lines.get, { ...caller, params: { id } });
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown, @CurrentCaller() caller: Caller) {
    authorize(caller.p, 'line.write');
    return forward(this.upstream, lines.update, {
      ...caller,
      params: { id },
      body: bodyAsSent(body),
    });
  }

  @Post(':id/numbers')
  addNumber(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentCaller('owner-status') caller: Caller,
  ) {
    authorize(caller.p, 'line.write');
    return forward(this.upstream, lines.addNumber, {
      ...caller,
      params: { id },
      body: bodyAsSent(body),
    });
  }

  /** Orders for several numbers of the line at once; `Idempotency-Key` required. */
  @Post(':id/ddtros')
  applyDdtros(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentCaller('owner-status') caller: Caller,
  ) {
    authorize(caller.p, 'line.write');
    return forward(this.upstream, ddtros.apply, {
      ...caller,
      params: { lineId: id },
      body: bodyAsSent(body),
      idempotencyKey: caller.req.header('idempotency-key'),
    });
  }
}
