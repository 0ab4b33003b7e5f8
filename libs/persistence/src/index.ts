export * from './database';
export * from './typeorm-options';
export * from './audit-page';
