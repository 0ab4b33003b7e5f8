import 'reflect-metadata';
import { ensureDatabaseAndSchema } from '@intensify/persistence';
import { loadReportingEnv, SCHEMA } from './config';

async function main(): Promise<void> {
  const env = loadReportingEnv();
  await ensureDatabaseAndSchema(env.DATABASE_URL, SCHEMA);
  // Imported after the database exists: the module reads its environment when loaded.
  const { ReportingModule } = await import('./reporting.module');
  const { startService } = await import('@intensify/runtime');
  await startService(ReportingModule, {
    port: env.REPORTING_PORT,
    host: env.HOST,
    metricsPort: env.REPORTING_METRICS_PORT,
    credentials: { audience: 'reporting', verifyKey: env.SERVICE_VERIFY_KEY },
    jsonLimit: '64mb',
  });
}

main().catch((e) => {
  console.error(`reporting failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
