import 'reflect-metadata';
import { ensureDatabaseAndSchema } from '@intensify/persistence';
import { loadTaskingEnv, SCHEMA } from './config';

async function main(): Promise<void> {
  const env = loadTaskingEnv();
  await ensureDatabaseAndSchema(env.DATABASE_URL, SCHEMA);
  // Imported after the database exists: the module reads its environment when loaded.
  const { TaskingModule } = await import('./tasking.module');
  const { startService } = await import('@intensify/runtime');
  await startService(TaskingModule, {
    port: env.TASKING_PORT,
    host: env.HOST,
    metricsPort: env.TASKING_METRICS_PORT,
    credentials: { audience: 'tasking', verifyKey: env.SERVICE_VERIFY_KEY },
    jsonLimit: '1mb',
  });
}

main().catch((e) => {
  console.error(`tasking failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
