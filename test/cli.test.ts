import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'namro-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'namro.db')}`, NAMRO_FAST_HASH: '1' };

async function namro(args: string[], extraEnv: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/namro.js'), ...args], { cwd: dir, env: { ...env, ...extraEnv } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('the namro command', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('initialises a province, creates users, backs up and restores', async () => {
    const init = await namro(['init', '--province', 'Hải Dương', '--code', 'HD', '--password', 'mat-khau-quan-tri']);
    expect(init.out, init.out).toContain('Tài khoản quản trị: admin');
    expect(init.code).toBe(0);
    const again = await namro(['init', '--province', 'Hải Dương']);
    expect(again.code).toBe(2);
    expect(again.out).toContain('đã có danh mục');
    const user = await namro(['users', 'create', '--username', 'syt.dm', '--name', 'Đỗ Văn A', '--role', 'agency_staff', '--org', 'SO-YT']);
    expect(user.out).toMatch(/Đã tạo người dùng #\d+ syt.dm — mật khẩu: \S+/);
    const badRole = await namro(['users', 'create', '--username', 'x', '--name', 'X', '--role', 'boss', '--org', 'SO-YT']);
    expect(badRole.code).toBe(2);
    expect(badRole.out).toContain('vai trò phải là một trong');

    const backup = join(dir, 'backup.db');
    expect((await namro(['backup', '--out', backup])).code).toBe(0);
    const copy = new SQLite(backup, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare("select count(*) n from users where username = 'syt.dm'").get()).toEqual({ n: 1 });
    copy.close();

    // A change after the backup disappears on restore.
    await namro(['users', 'create', '--username', 'later', '--name', 'Sau sao lưu', '--role', 'viewer', '--org', 'SO-YT']);
    expect((await namro(['restore', '--from', backup])).code).toBe(0);
    const restored = new SQLite(join(dir, 'namro.db'), { readonly: true });
    expect(restored.prepare("select count(*) n from users where username = 'later'").get()).toEqual({ n: 0 });
    restored.close();
    expect((await namro(['migrate'])).out).toContain('mới nhất');
    // The import contract: one JSON object on stdout, nothing written; then the import itself.
    const seed = join(ROOT, 'test/fixtures/seeds/001_7ac3fb3fba868bc4.txt');
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin/namro.js'), 'import-preview', seed, '--json'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
    const preview = JSON.parse(stdout) as { directive: { number: string }; tasks: { leads: { orgName: string | null }[] }[]; indicators: unknown[]; repairs: number };
    expect(preview.directive.number).toBe('726/KH-UBND');
    expect(preview.tasks).toHaveLength(81);
    expect(preview.indicators).toHaveLength(44);
    expect(preview.tasks.flatMap((t) => t.leads).filter((l) => !l.orgName)).toEqual([]);
    const before = new SQLite(join(dir, 'namro.db'), { readonly: true });
    expect(before.prepare('select count(*) n from tasks').get()).toEqual({ n: 0 });
    before.close();
    const imported = await namro(['import', seed]);
    expect(imported.out).toMatch(/Đã tạo văn bản #\d+: nhiệm vụ \+81 mới/);
    const xlsx = join(dir, 'tasks.xlsx');
    expect((await namro(['export', 'tasks', '--directive', '726/KH-UBND', '--format', 'xlsx', '--out', xlsx])).out).toContain('Đã xuất');
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    const { stdout: scores } = await run(process.execPath, [join(ROOT, 'bin/namro.js'), 'scores', '--period', '2025-06', '--json'], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
    const ranking = JSON.parse(scores) as { rank: number; score: { total: number } }[];
    expect(ranking.length).toBeGreaterThan(5);
    expect(ranking[0]?.rank).toBe(1);
    // The demo never wipes a database that holds real work.
    const reset = await namro(['demo', '--reset']);
    expect(reset.code).toBe(2);
    expect(reset.out).toContain('không phải CSDL trình diễn');
    const still = new SQLite(join(dir, 'namro.db'), { readonly: true });
    expect(still.prepare("select count(*) n from users where username = 'syt.dm'").get()).toEqual({ n: 1 });
    still.close();
    // Thirteen processes, each loading the TypeScript sources through tsx: about 20 s alone, twice that beside the
    // rest of the suite on two cores.
  }, 120_000);

  it('explains bad configuration and unknown commands in Vietnamese', async () => {
    const badUrl = await namro(['migrate'], { DATABASE_URL: 'mysql://localhost/x' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.out).toContain('DATABASE_URL: phải có dạng sqlite:');
    const badPort = await namro(['migrate'], { PORT: 'abc' });
    expect(badPort.out).toContain('PORT');
    const unknown = await namro(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('không có lệnh "frobnicate"');
    const pgBackup = await namro(['backup', '--out', 'x.dump'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(pgBackup.out).toContain('pg_dump --format=custom');
  }, 60_000);
});
