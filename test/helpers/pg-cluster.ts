import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './fault-utils.ts';

const run = promisify(execFile);
/** The server binaries: PG_BIN, else Debian's newest /usr/lib/postgresql/<version>/bin (15 on these machines). */
export const PG_BIN =
  process.env.PG_BIN ??
  (existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join('/usr/lib/postgresql', v, 'bin'))[0]
    : undefined) ??
  '/usr/lib/postgresql/15/bin';

export type StopMode = 'smart' | 'fast' | 'immediate';

/** A throwaway PostgreSQL cluster of the test's own, on a free port, that the test may stop and restart at will. */
export interface PrivateCluster {
  dir: string;
  port: number;
  /** postgres:// URL of a database in the cluster (the default one, `postgres`). */
  url(database?: string): string;
  start(): Promise<void>;
  stop(mode?: StopMode): Promise<void>;
  restart(mode: StopMode): Promise<void>;
  /** Stops the cluster (immediately) and deletes its files; safe to call twice. */
  destroy(): Promise<void>;
  /** The server's log, for failure messages. */
  log(): string;
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** initdb refuses to run as root, so the cluster belongs to the `postgres` OS user (the tests run as root). */
async function asPostgres(tool: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args], { timeout: 120_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

/**
 * initdb into a fresh temp directory (owned by postgres) and start the cluster on 127.0.0.1 and a unix socket
 * in that directory. A process exit stops the cluster if the test could not.
 */
export async function createPrivateCluster(): Promise<PrivateCluster> {
  if (process.getuid?.() !== 0) throw new Error('The private PostgreSQL cluster needs root (initdb runs as the postgres OS user through runuser).');
  const { uid, gid } = postgresIds();
  const dir = mkdtempSync(join(tmpdir(), 'namro-pg-'));
  chownSync(dir, uid, gid);
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const port = await freePort();
  const ctl = (args: string[]) => asPostgres('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', ...args]);
  let destroyed = false;
  // Last resort if the test process ends without afterAll (a crash, a timeout): never leave a postmaster behind.
  const onExit = () => {
    try {
      execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  try {
    await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (err) {
    process.removeListener('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const cluster: PrivateCluster = {
    dir,
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: async () => {
      await ctl(['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=40`, 'start']);
    },
    stop: async (mode = 'fast') => {
      await ctl(['-m', mode, 'stop']);
    },
    restart: async (mode) => {
      await ctl(['-m', mode, 'restart']);
    },
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      process.removeListener('exit', onExit);
      if (existsSync(join(data, 'postmaster.pid'))) await ctl(['-m', 'immediate', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : ''),
  };
  try {
    await cluster.start();
  } catch (err) {
    const log = cluster.log();
    await cluster.destroy();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return cluster;
}

/** A directory for the cluster's files outside its data directory (a tablespace), owned by postgres. */
export function postgresOwnedDir(path: string): string {
  const { uid, gid } = postgresIds();
  mkdirSync(path, { recursive: true });
  chownSync(path, uid, gid);
  chmodSync(path, 0o700);
  return path;
}
