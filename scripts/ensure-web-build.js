#!/usr/bin/env node
// Builds the web app into web/dist when it is missing or older than its sources, so `npm run demo` and
// `npm start` always serve the app of this checkout. Without the build tools (a production install that
// skipped devDependencies) it says how to build instead of failing later with blank pages.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const index = join(root, 'web', 'dist', 'index.html');

function newestUnder(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    newest = Math.max(newest, s.isDirectory() ? newestUnder(path) : s.mtimeMs);
  }
  return newest;
}

if (process.env.WEB_DIR) process.exit(0);
const sourcesChanged = !existsSync(index) || newestUnder(join(root, 'web', 'src')) > statSync(index).mtimeMs;
if (!sourcesChanged) process.exit(0);
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite)) {
  console.error('Chưa có bản dựng giao diện web (web/dist) và thiếu công cụ dựng. Chạy: npm install && npm run build:web');
  process.exit(existsSync(index) ? 0 : 1);
}
console.log('Đang dựng giao diện web (web/dist)…');
const result = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
