import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'namro-web');
// Vitest sets NODE_ENV=test, which Vite would bake into React and antd as their development builds:
// the journeys must run the production bundle that ships.
const BUILD_NODE_ENV = 'production';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A hash of everything the build reads: a build is reused only while none of it changed. */
function sourceHash(): string {
  const hash = createHash('sha256').update(`NODE_ENV=${BUILD_NODE_ENV}`);
  const inputs = [...filesUnder(join(ROOT, 'web', 'src')), ...filesUnder(join(ROOT, 'web', 'public')), ...filesUnder(join(ROOT, 'web', 'build')), join(ROOT, 'web', 'index.html'), join(ROOT, 'web', 'vite.config.ts'), join(ROOT, 'package-lock.json')];
  for (const file of inputs.sort()) hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The built web app for the current sources, built once and kept under node_modules/.cache: concurrent
 * test runs never write into each other's output (each builds into its own folder and renames it in place).
 */
export function ensureWebBuild(): string {
  const dir = join(CACHE, sourceHash());
  if (existsSync(join(dir, 'index.html'))) return dir;
  mkdirSync(CACHE, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: BUILD_NODE_ENV, NAMRO_WEB_OUT: tmp },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run finished the same build first
  }
  return dir;
}
