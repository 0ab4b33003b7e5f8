import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { ErrorCode } from '@intensify/contracts';
import { loggableError } from './loggable-error';
import { ProblemError } from './problem.error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden_scope',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Maps every error, ours or the framework's (body parser, routing), to problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblemError(exception);
    if (problem.status >= 500) this.logger.error(loggableError(exception));
    if (res.headersSent) return;
    res
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify(problem.toProblem()));
  }

  private toProblemError(exception: unknown): ProblemError {
    if (exception instanceof ProblemError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'validation_failed');
      const detail = describe(exception, status);
      // The framework's 400s are about the body as a whole (e.g. JSON that does not parse).
      const errors = status === 400 ? [{ field: 'body', message: detail }] : [];
      return new ProblemError(code, detail, errors, status);
    }
    const bodyParser = exception as { type?: string; status?: number; message?: string };
    if (bodyParser?.type === 'entity.too.large') {
      return new ProblemError(
        'payload_too_large',
        'The request body exceeds the limit of this endpoint',
      );
    }
    if (bodyParser?.type === 'entity.parse.failed') {
      return ProblemError.validation(
        [{ field: 'body', message: 'is not valid JSON' }],
        'The body is not valid JSON',
      );
    }
    return new ProblemError('internal_error', 'An unexpected error occurred');
  }
}

function describe(exception: HttpException, status: number): string {
  const cause = exception.cause as { type?: string } | undefined;
  if (status === 413 || cause?.type === 'entity.too.large')
    return 'The request body exceeds the limit of this endpoint';
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}
