export * from './regions';
export * from './forces';
