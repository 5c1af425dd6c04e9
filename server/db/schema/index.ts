export * from './applications.ts';
export * from './billing.ts';
export * from './contracts.ts';
export * from './customers.ts';
export * from './imports.ts';
export * from './messaging.ts';
export * from './platform.ts';
export * from './spaces.ts';
