import { LoggerModule } from 'nestjs-pino';
import { DynamicModule } from '@nestjs/common';
import { Options, stdSerializers } from 'pino-http';
import { loggableRequest } from './log-redaction';

/**
 * JSON logs on stdout, one line per entry, named by service; request logs only when asked, and
 * then without tokens, cookies or person-level queries (see log-redaction).
 *
 * Logs written while handling a request carry its `reqId` (`quietReqLogger`). pino-http also
 * binds the whole request to a second logger for its "request completed" line, serialising the
 * request and all its headers at once, for every request; with request logs off that line is
 * never written, so the request is not serialised (a few % of each service's CPU under load).
 */
export function loggerModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: requestLoggerOptions(service, level, process.env.LOG_REQUESTS === 'true'),
  });
}

/** pino-http's options: see loggerModule. */
export function requestLoggerOptions(
  service: string,
  level: string,
  logRequests: boolean,
): Options {
  return {
    level,
    name: service,
    autoLogging: logRequests,
    ...(logRequests
      ? { serializers: { req: loggableRequest } }
      : // Unwrapped, so the request is not mapped only to be dropped; `res` and `err` as pino-http's.
        {
          wrapSerializers: false,
          serializers: { req: unlogged, res: stdSerializers.res, err: stdSerializers.err },
        }),
    redact: ['res.headers["set-cookie"]'],
    quietReqLogger: true,
  };
}

/** With request logs off, the request bound to pino-http's completion logger is left out. */
function unlogged(): undefined {
  return undefined;
}
