export * from './wait-for';
export * from './platform-processes';
export * from './migration-sql';
