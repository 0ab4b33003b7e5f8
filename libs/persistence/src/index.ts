export * from './database';
export * from './typeorm-options';
