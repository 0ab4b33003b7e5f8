import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { databaseSsl } from '@intensify/runtime';
import { pgSsl } from './pg-ssl';

export interface ServiceDataOptions {
  databaseUrl: string;
  schema: string;
  entities: Function[];
  migrations: Function[];
  poolSize?: number;
  /**
   * Resolves unqualified table names, so that one set of queries can write to another schema
   * (a read model being rebuilt beside the live one).
   */
  searchPath?: string;
}

/** Schema comes from migrations only, run at start-up; `synchronize` is never used. */
export function typeOrmOptions(o: ServiceDataOptions): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: o.databaseUrl,
    ssl: pgSsl(databaseSsl()),
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // TypeORM's logger would print failed queries with their parameters (numbers, references);
    // failures reach the problem filter, which logs only their SQLSTATE and message.
    logging: false,
    extra: {
      max: o.poolSize ?? 10,
      ...(o.searchPath && { options: `-c search_path=${o.searchPath}` }),
    },
  };
}

/** The schema a migration is running for: the live one, or one being rebuilt beside it. */
export function migrationSchema(q: { connection: { options: object } }): string {
  const schema = (q.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('migrations run with a schema set in the data source options');
  return schema;
}
