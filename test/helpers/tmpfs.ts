import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A small tmpfs the test mounts, fills, frees and flips read-only. Every failure says why, loudly. */
export interface Tmpfs {
  path: string;
  /** Writes a filler file until the volume is full, then gives `headroom` bytes back; returns the filler's size. */
  fill(headroom?: number): number;
  /** Deletes the filler. */
  free(): void;
  remount(mode: 'ro' | 'rw'): void;
  unmount(): void;
}

function sh(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr?.toString().trim() || e.message}`);
  }
}

export function mountTmpfs(path: string, sizeBytes: number, options = ''): Tmpfs {
  mkdirSync(path, { recursive: true });
  sh('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}${options ? `,${options}` : ''}`, 'tmpfs', path]);
  const filler = join(path, 'filler.bin');
  let mounted = true;
  return {
    path,
    fill(headroom = 0) {
      const fd = openSync(filler, 'a');
      let written = 0;
      try {
        // Large chunks first, then single pages, until not one more byte fits.
        for (const size of [1 << 20, 1 << 16, 4096, 512, 1]) {
          const chunk = Buffer.alloc(size, 0x5a);
          for (;;) {
            try {
              const n = writeSync(fd, chunk);
              written += n;
              if (n < size) break;
            } catch (err) {
              if ((err as { code?: unknown }).code !== 'ENOSPC') throw err;
              break;
            }
          }
        }
        if (headroom > 0) ftruncateSync(fd, Math.max(0, written - headroom));
      } finally {
        closeSync(fd);
      }
      return Math.max(0, written - headroom);
    },
    free() {
      rmSync(filler, { force: true });
    },
    remount(mode) {
      sh('mount', ['-o', `remount,${mode}`, path]);
    },
    unmount() {
      if (!mounted) return;
      try {
        sh('umount', [path]);
      } catch {
        sh('umount', ['-l', path]); // still busy (a process not yet gone): detach now, freed when released
      }
      mounted = false;
    },
  };
}
