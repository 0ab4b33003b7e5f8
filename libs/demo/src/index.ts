export * from './random';
export * from './force-weights';
export * from './week-outcomes';
export * from './week-taskings';
export * from './demo-client';
export * from './run-demo-week';
export * from './register';
export * from './seed-register';
