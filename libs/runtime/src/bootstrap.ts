import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { RequestHandler } from 'express';
import { Logger } from 'nestjs-pino';
import { ProblemFilter } from '@intensify/problems';
import { httpMetrics } from './metrics';
import { securityHeaders } from './security-headers';

export interface ServiceOptions {
  port: number;
  host?: string;
  /** JSON body limit; the public API says 256 KiB. */
  jsonLimit?: string;
  /** Replaces the API's security headers (the gateway also serves pages and the docs). */
  securityHeaders?: RequestHandler;
  /** Runs before any body is read, so that what it refuses (rate limits) costs no parsing. */
  beforeBody?: RequestHandler[];
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

/**
 * Starts a Nest service the same way everywhere: security headers, JSON logs, problem+json
 * errors, clean shutdown.
 */
export async function startService(
  module: Type,
  options: ServiceOptions,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // Headers first, so that every answer (404s and body-parser errors too) carries them.
  app.disable('x-powered-by');
  app.use(options.securityHeaders ?? securityHeaders());
  for (const handler of options.beforeBody ?? []) app.use(handler);
  app.useBodyParser('json', {
    limit: options.jsonLimit ?? '256kb',
    type: ['application/json', 'application/*+json'],
  });
  app.use(httpMetrics);
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  await options.configure?.(app);
  await app.listen(options.port, options.host ?? '127.0.0.1');
  return app;
}
