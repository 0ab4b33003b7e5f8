export * from './problem.error';
export * from './problem.filter';
