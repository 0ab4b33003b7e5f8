export * from './database';
export * from './typeorm-options';
export * from './audit-log';
export * from './pg-ssl';
export * from './audit-page';
export * from './plumbing-tables';
export * from './idempotency';
