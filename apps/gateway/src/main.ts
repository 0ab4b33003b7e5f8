import 'reflect-metadata';
import { loadGatewayEnv } from './config';

async function main(): Promise<void> {
  const env = loadGatewayEnv();
  const { GatewayModule } = await import('./gateway.module');
  const { startService } = await import('@intensify/runtime');
  const { mountDocsPage } = await import('./openapi/docs-page');
  const { gatewaySecurityHeaders } = await import('./headers/gateway-headers');
  const { refuseCsvElsewhere } = await import('./limits/csv-media-type.middleware');
  await startService(GatewayModule, {
    port: env.PORT,
    host: env.HOST,
    metricsPort: env.METRICS_PORT,
    jsonLimit: '256kb',
    securityHeaders: gatewaySecurityHeaders(env),
    // No CSV body parser: the CSV imports stream their bodies under their own limits.
    beforeBody: [refuseCsvElsewhere],
    configure: (app) => mountDocsPage(app),
  });
}

main().catch((e) => {
  console.error(`gateway failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
