export * from './envelope';
export * from './registry';
export * from './topics';
export * from './v1/operation-events';
export * from './v1/outcome-events';
export * from './v1/tasking-events';
export * from './v1/intelligence-events';
