import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { KeyObject } from 'node:crypto';
import { RequestHandler } from 'express';
import { Logger } from 'nestjs-pino';
import { ServiceCredentialGuard, ServiceCredentialVerifier } from '@intensify/auth';
import { ProblemFilter } from '@intensify/problems';
import { httpMetrics } from './metrics';
import { serveMetrics } from './metrics-listener';
import { serviceReadiness } from './health.module';

/** Where `/metrics` listens when no port is set: the API port plus this. */
export const METRICS_PORT_OFFSET = 1000;
import { securityHeaders } from './security-headers';

export interface ServiceOptions {
  port: number;
  /** The address the API and metrics listeners bind; loopback unless set. */
  host?: string;
  /** The `/metrics` listener's port: the API port + 1000 unless set, none when 0. */
  metricsPort?: number;
  /** An internal service: every route needs a service credential for this audience. */
  credentials?: { audience: string; verifyKey: KeyObject };
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
  const host = options.host ?? '127.0.0.1';
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
  if (options.credentials) {
    const { audience, verifyKey } = options.credentials;
    app.useGlobalGuards(
      new ServiceCredentialGuard(new ServiceCredentialVerifier(audience, verifyKey)),
    );
  }
  app.enableShutdownHooks();
  await options.configure?.(app);
  await app.listen(options.port, host);
  const metricsPort = options.metricsPort ?? options.port + METRICS_PORT_OFFSET;
  if (metricsPort) {
    const metrics = await serveMetrics(metricsPort, host, serviceReadiness());
    app.getHttpServer().once('close', () => metrics.close());
  }
  return app;
}
