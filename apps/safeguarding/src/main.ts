import 'reflect-metadata';
import { ensureDatabaseAndSchema } from '@intensify/persistence';
import { loadSafeguardingEnv, SCHEMA } from './config';

async function main(): Promise<void> {
  const env = loadSafeguardingEnv();
  await ensureDatabaseAndSchema(env.DATABASE_URL, SCHEMA);
  // Imported after the database exists: the module reads its environment when loaded.
  const { SafeguardingModule } = await import('./safeguarding.module');
  const { startService } = await import('@intensify/runtime');
  await startService(SafeguardingModule, {
    port: env.SAFEGUARDING_PORT,
    host: env.HOST,
    metricsPort: env.SAFEGUARDING_METRICS_PORT,
    credentials: { audience: 'safeguarding', verifyKey: env.SERVICE_VERIFY_KEY },
  });
}

main().catch((e) => {
  console.error(`safeguarding failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
