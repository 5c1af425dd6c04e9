#!/usr/bin/env node
// Developer mode: the server restarts on change (tsx watch) and the web app hot-reloads (Vite, port 5173,
// proxying /api to the server on 3000). Ctrl-C stops both.
import { spawn } from 'node:child_process';

const run = (args) => spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
const children = [
  run(['node_modules/tsx/dist/cli.mjs', 'watch', '--clear-screen=false', 'server/cli.ts', 'serve', '--demo']),
  run(['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts']),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && code !== 0 && stop());
