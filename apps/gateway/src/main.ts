import 'reflect-metadata';
import { loadGatewayEnv } from './config';

async function main(): Promise<void> {
  const env = loadGatewayEnv();
  const { GatewayModule } = await import('./gateway.module');
  const { startService } = await import('@intensify/runtime');
  const { mountDocsPage } = await import('./openapi/docs-page');
  await startService(GatewayModule, {
    port: env.PORT,
    host: env.HOST,
    jsonLimit: '256kb',
    configure: mountDocsPage,
  });
}

main().catch((e) => {
  console.error(`gateway failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
