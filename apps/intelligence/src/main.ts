import 'reflect-metadata';
import { ensureDatabaseAndSchema } from '@intensify/persistence';
import { loadIntelligenceEnv, SCHEMA } from './config';

async function main(): Promise<void> {
  const env = loadIntelligenceEnv();
  await ensureDatabaseAndSchema(env.DATABASE_URL, SCHEMA);
  // Imported after the database exists: the module reads its environment when loaded.
  const { IntelligenceModule } = await import('./intelligence.module');
  const { startService } = await import('@intensify/runtime');
  // A monthly return travels as JSON text of up to 2 MiB.
  await startService(IntelligenceModule, {
    port: env.INTELLIGENCE_PORT,
    host: env.HOST,
    metricsPort: env.INTELLIGENCE_METRICS_PORT,
    credentials: { audience: 'intelligence', verifyKey: env.SERVICE_VERIFY_KEY },
    jsonLimit: '4mb',
  });
}

main().catch((e) => {
  console.error(`intelligence failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
