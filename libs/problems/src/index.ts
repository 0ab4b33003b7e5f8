export * from './problem.error';
export * from './problem.filter';
export * from './page-limit';
export * from './csv-body';
export * from './loggable-error';
export * from './csv-stream';
export * from './internal-write';
