export * from './messaging.ts';
export * from './platform.ts';
