#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: no build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
