export * from './auth';
export * from './operation';
export * from './outcome';
export * from './outcome.schema';
export * from './outcome.validation';
export * from './problem';
export * from './tally';
export * from './openapi';
