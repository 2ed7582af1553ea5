export * from './audit';
export * from './common';
export * from './directory';
export * from './health';
export * from './navigation';
export * from './org';
export * from './search';
