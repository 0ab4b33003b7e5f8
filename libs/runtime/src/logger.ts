import { LoggerModule } from 'nestjs-pino';
import { DynamicModule } from '@nestjs/common';
import { loggableRequest } from './log-redaction';

/**
 * JSON logs on stdout, one line per entry, named by service; request logs only when asked, and
 * then without tokens, cookies or person-level queries (see log-redaction).
 */
export function loggerModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      name: service,
      autoLogging: process.env.LOG_REQUESTS === 'true',
      serializers: { req: loggableRequest },
      redact: ['res.headers["set-cookie"]'],
      quietReqLogger: true,
    },
  });
}
