import { TypeOrmModuleOptions } from '@nestjs/typeorm';

export interface ServiceDataOptions {
  databaseUrl: string;
  schema: string;
  entities: Function[];
  migrations: Function[];
  poolSize?: number;
}

/** Schema comes from migrations only, run at start-up; `synchronize` is never used. */
export function typeOrmOptions(o: ServiceDataOptions): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: o.databaseUrl,
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: o.poolSize ?? 10 },
  };
}
