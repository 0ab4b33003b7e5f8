export * from './database';
export * from './typeorm-options';
export * from './pg-ssl';
export * from './audit-page';
