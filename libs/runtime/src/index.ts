export * from './env';
export * from './common-env';
export * from './env.module';
export * from './logger';
export * from './bootstrap';
export * from './health';
export * from './health.module';
export * from './metrics';
