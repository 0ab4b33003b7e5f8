export * from './regions';
export * from './forces';
export * from './force-hex-layout';
export * from './force-map';
export * from './published-national-results';
