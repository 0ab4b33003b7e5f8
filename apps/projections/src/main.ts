import 'reflect-metadata';
import { ensureDatabaseAndSchema } from '@intensify/persistence';
import { loadProjectionsEnv, SCHEMA } from './config';

async function main(): Promise<void> {
  const env = loadProjectionsEnv();
  await ensureDatabaseAndSchema(env.DATABASE_URL, SCHEMA);
  const { ProjectionsModule } = await import('./projections.module');
  const { startService } = await import('@intensify/runtime');
  await startService(ProjectionsModule, {
    port: env.PROJECTIONS_PORT,
    host: env.HOST,
    metricsPort: env.PROJECTIONS_METRICS_PORT,
    credentials: { audience: 'projections', verifyKey: env.SERVICE_VERIFY_KEY },
  });
}

main().catch((e) => {
  console.error(`projections failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
