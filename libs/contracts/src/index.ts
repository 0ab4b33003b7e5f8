export * from './validation';
export * from './api/v1';
export * from './events';
export * from './internal/internal-api';
