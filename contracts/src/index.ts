export * from './audit';
export * from './common';
export * from './health';
export * from './navigation';
export * from './org';
export * from './search';
