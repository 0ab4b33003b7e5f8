import 'reflect-metadata';
import { loadGatewayEnv } from './config';

async function main(): Promise<void> {
  const env = loadGatewayEnv();
  const { GatewayModule } = await import('./gateway.module');
  const { startService } = await import('@intensify/runtime');
  const { mountDocsPage } = await import('./openapi/docs-page');
  const { CSV_LIMITS } = await import('@intensify/contracts');
  await startService(GatewayModule, {
    port: env.PORT,
    host: env.HOST,
    metricsPort: env.METRICS_PORT,
    jsonLimit: '256kb',
    configure: (app) => {
      // CSV returns are larger than any JSON body; their own limit is documented with the import.
      app.useBodyParser('text', { type: ['text/csv', 'application/csv'], limit: CSV_LIMITS.bytes });
      mountDocsPage(app);
    },
  });
}

main().catch((e) => {
  console.error(`gateway failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
