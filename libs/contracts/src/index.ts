export * from './validation';
export * from './api/v1';
export * from './events';
export * from './internal/internal-api';
export * from './internal/internal-requests';
export * from './internal/route';
export * from './internal/routes';
