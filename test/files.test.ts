import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../server/auth/actor.ts';
import { filePath, storeFile } from '../server/files/store.ts';
import { type TestDatabase, forEachDialect, freshDatabase } from './helpers/db.ts';

forEachDialect('files stored by content hash', (dialect) => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await freshDatabase(dialect);
    dataDir = mkdtempSync(join(tmpdir(), 'namro-files-'));
  });
  afterAll(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps identical content once, under its hash, with an audit row per upload', async () => {
    const bytes = Buffer.from('Báo cáo tiến độ tháng 5/2025 — Sở Y tế', 'utf8');
    const first = await storeFile(db.db, dataDir, SYSTEM_ACTOR, { bytes, originalName: 'C:\\Users\\x\\bao-cao.pdf', mime: 'application/pdf' });
    const second = await storeFile(db.db, dataDir, SYSTEM_ACTOR, { bytes, originalName: 'ban-sao.pdf', mime: 'application/pdf' });
    expect(second.id).toBe(first.id);
    expect(first.originalName).toBe('bao-cao.pdf');
    expect(second.originalName).toBe('ban-sao.pdf'); // each uploader sees their own name
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(filePath(dataDir, first.sha256))).toEqual(bytes);
    const audits = await db.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'file').orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'upload']);
    await expect(storeFile(db.db, dataDir, SYSTEM_ACTOR, { bytes: Buffer.alloc(0), originalName: 'x', mime: 'text/plain' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
