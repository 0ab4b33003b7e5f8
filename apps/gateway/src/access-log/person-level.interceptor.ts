import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { from, mergeMap, Observable } from 'rxjs';
import { checkPurpose, PURPOSE_HEADER, PURPOSE_QUERY } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { PRINCIPAL } from '../auth/current-principal.decorator';
import { correlationIdOf } from '../upstream/correlation';
import { AccessLogRecord, AccessLogWriter } from './access-log.writer';
import { attachRowCounter } from './export-rows';
import { attachDisclosure } from './stream-disclosure';
import { PERSON_LEVEL, PersonLevelRoute } from './person-level.decorator';

/** The request's person-level route, once the interceptor has seen it (for log redaction). */
export const PERSON_LEVEL_DATA = 'personLevelData';

/**
 * The one place person-level reads are checked and logged: every `@PersonLevel` route needs a
 * purpose, answers `Cache-Control: no-store`, and is written to the access log before its
 * data is sent. JSON reads are logged with what their answer disclosed; exports and streams,
 * which write the response themselves, are logged before their handler starts.
 */
@Injectable()
export class PersonLevelInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly writer: AccessLogWriter,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<PersonLevelRoute | undefined>(PERSON_LEVEL, ctx.getHandler());
    if (!route) return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    Object.assign(req, { [PERSON_LEVEL_DATA]: route.data });
    const record = this.recordOf(req, route);
    res.setHeader('cache-control', 'no-store');
    if (route.export || route.stream) {
      return from(this.writer.write(record)).pipe(
        mergeMap((id) => {
          if (route.export) attachRowCounter(req, (rows) => this.writer.countRows(id, rows));
          if (route.stream) attachDisclosure(req, (d) => this.writer.addDisclosed(id, d));
          return next.handle();
        }),
      );
    }
    return next.handle().pipe(
      mergeMap(async (body) => {
        await this.writer.write({ ...record, ...route.disclosed?.(body, req) });
        return body;
      }),
    );
  }

  private recordOf(req: Request, route: PersonLevelRoute): AccessLogRecord {
    const p = (req as unknown as Record<string, Principal>)[PRINCIPAL];
    return {
      who: { sub: p.sub, role: p.role, region: p.region, force: p.force },
      data: route.data,
      route: `${req.method} ${req.route?.path ?? req.path}`,
      path: req.path,
      resourceIds: [],
      subjectRefs: [],
      purpose: purposeOf(req, route),
      correlationId: correlationIdOf(req),
      exportKind: route.export,
    };
  }
}

/** What the access log says of a write sent without a purpose. */
export const NO_PURPOSE_SENT = 'none sent: the answer to a write';

function purposeOf(req: Request, route: PersonLevelRoute): string {
  if (route.write) {
    const sent = checkPurpose(req.header(PURPOSE_HEADER), PURPOSE_HEADER);
    return typeof sent === 'string' ? sent : NO_PURPOSE_SENT;
  }
  const purpose = route.stream
    ? checkPurpose(req.query[PURPOSE_QUERY], PURPOSE_QUERY)
    : checkPurpose(req.header(PURPOSE_HEADER), PURPOSE_HEADER);
  if (typeof purpose === 'string') return purpose;
  throw new ProblemError(
    'purpose_required',
    `Reading person-level data needs ${route.stream ? '?purpose=' : `the ${PURPOSE_HEADER} header`}: why you look, 1–200 characters`,
    [purpose],
  );
}
