import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Compiles the server to dist/ as `npm run build` does (about 15 s), for `startServerProcess(…, 'dist')`. */
export function buildServer(): void {
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
}

/**
 * Starts `namro serve` as a real separate process and waits until /api/health answers: from the sources
 * through tsx, or as `npm run start:prod` runs it, from the compiled dist/ (built beforehand).
 */
export async function startServerProcess(env: Record<string, string>, port: number, from: 'sources' | 'dist' = 'sources'): Promise<ServerProcess> {
  const args = from === 'dist' ? ['dist/server/cli.js', 'serve'] : ['--import', 'tsx', 'server/cli.ts', 'serve'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) {
        // Another process may hold the port (it answered, ours failed to bind): make sure ours still runs.
        await new Promise((r) => setTimeout(r, 300));
        if (child.exitCode !== null) throw new Error(`server exited after start (${child.exitCode}):\n${out}`);
        return { child, url, output: () => out };
      }
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('server exited')) throw err;
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${out}`);
}

export function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}
