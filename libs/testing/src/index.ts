export * from './wait-for';
export * from './platform-processes';
