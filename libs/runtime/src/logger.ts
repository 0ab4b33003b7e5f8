import { LoggerModule } from 'nestjs-pino';
import { DynamicModule } from '@nestjs/common';

/** JSON logs on stdout, one line per entry, named by service; request logs only when asked. */
export function loggerModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      name: service,
      autoLogging: process.env.LOG_REQUESTS === 'true',
      redact: ['req.headers.authorization'],
      quietReqLogger: true,
    },
  });
}
