export * from './messaging.ts';
export * from './platform.ts';
export * from './spaces.ts';
