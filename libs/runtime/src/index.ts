export * from './env';
export * from './common-env';
export * from './logger';
export * from './bootstrap';
export * from './health';
export * from './metrics';
