import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { nowIso } from '../domain/time.ts';
import { AppError } from '../errors.ts';

export interface StoredFile {
  id: number;
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
}

/** Where a file with this hash lives under the data directory: files/ab/cd/abcdef… (spread over folders). */
export function filePath(dataDir: string, sha256: string): string {
  return join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Why nothing can be written under `dir`, asked of its nearest existing folder: `mkdir -p` on a read-only
 * volume reports ENOENT for the missing parent and hides the EROFS behind it.
 */
function volumeError(dir: string): Error | null {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
    return null;
  } catch (err) {
    return err instanceof Error ? err : null;
  }
}

/**
 * Keeps an uploaded file once, by content hash: the bytes land on disk first (write then rename, so a crash
 * never leaves half a file under its final name), then the row and its audit entry in one transaction.
 * The same content uploaded twice is one file.
 */
export async function storeFile(
  db: Kysely<Database>,
  dataDir: string,
  actor: Actor,
  input: { bytes: Buffer; originalName: string; mime: string },
): Promise<StoredFile> {
  if (input.bytes.length === 0) throw new AppError('validation_failed', 'Tệp rỗng.');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const path = filePath(dataDir, sha256);
  if (!existsSync(path)) {
    // Unique per upload: two uploads of the same content at once must not collide on the temp name.
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temp, input.bytes, { flag: 'wx' });
      renameSync(temp, path);
    } catch (err) {
      // A full disk leaves part of the bytes behind: never keep half a file. The error itself (ENOSPC, EROFS)
      // becomes storage_full / storage_read_only in http/errors.ts.
      try {
        rmSync(temp, { force: true });
      } catch {
        // read-only: nothing was written
      }
      throw volumeError(dirname(path)) ?? err;
    }
  }
  const originalName = basename(input.originalName.replace(/\\/g, '/')).slice(0, 255) || 'tep';
  return db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    const row =
      known ??
      (await trx
        .insertInto('files')
        .values({ sha256, size: input.bytes.length, mime: input.mime, original_name: originalName, storage_path: path.slice(dataDir.length + 1), created_by: actor.via === 'system' ? null : actor.userId, created_at: nowIso() })
        .returningAll()
        .executeTakeFirstOrThrow());
    // Every upload is recorded, so the second uploader of identical content may use "their" file too.
    await recordAudit(trx, actor, { action: known ? 'upload' : 'create', entityType: 'file', entityId: row.id, after: { sha256, size: row.size, mime: input.mime, originalName } });
    // The uploader sees the name they gave, never a name another agency gave the same content.
    return { id: row.id, sha256, size: row.size, mime: input.mime, originalName };
  });
}
