export * from './validation';
export * from './ids';
export * from './idempotency-key';
export * from './api/v1';
export * from './events';
export * from './internal/internal-api';
