import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { forEachDialect } from './helpers/db.ts';
import { type AccountName, type TestApi, setupApi } from './helpers/api.ts';
import { buildZip, docxFromText } from './helpers/zip.ts';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/seeds/${name}`, import.meta.url)), 'utf8');
const PLAN = seed('001_7ac3fb3fba868bc4.txt');
const NOTICE = seed('000_bbff98347c44d1d6.txt');

interface Org {
  text: string;
  orgId: number | null;
  orgName: string | null;
  collective: boolean;
  replaced: string | null;
}
interface Preview {
  directive: { number: string; kind: string; reportingDay: number; meetingDay: number };
  tasks: { ordinal: string; section: string | null; title: string; leads: Org[]; coordinators: Org[]; deadline: { text: string; dueOn: string | null } }[];
  indicators: { code: string }[];
  warnings: { code: string; where: string }[];
  existing: { directiveId: number; added: string[]; changed: string[]; unchanged: number } | null;
}
interface Job {
  id: number;
  state: string;
  preview: Preview;
}

function multipart(name: string, bytes: Buffer) {
  const boundary = `----namro${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploadImport(api: TestApi, who: AccountName, name: string, bytes: Buffer) {
  const s = await api.session(who);
  const { body, contentType } = multipart(name, bytes);
  return api.app.inject({ method: 'POST', url: '/api/imports', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload: body });
}

forEachDialect('importing directive documents', (dialect) => {
  const ctx = setupApi(dialect);

  it('previews Plan 726 without writing, confirms it in one go, and re-imports without duplicates', async () => {
    const api = ctx.get();
    expect((await api.call('healthStaff', 'POST', '/api/imports', { text: PLAN })).statusCode).toBe(403);
    const before = await api.db.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const started = await api.call('coordinator', 'POST', '/api/imports', { text: PLAN });
    expect(started.statusCode, started.body.slice(0, 300)).toBe(201);
    const job = started.json<Job>();
    expect(job.preview.directive).toMatchObject({ number: '726/KH-UBND', kind: 'plan', reportingDay: 18, meetingDay: 23 });
    expect(job.preview.tasks).toHaveLength(81);
    expect(job.preview.indicators).toHaveLength(44);
    // Every lead of the plan is recognised in the directory.
    const unknownLeads = job.preview.tasks.flatMap((t) => t.leads.filter((l) => !l.orgName).map((l) => `${t.ordinal}: ${l.text}`));
    expect(unknownLeads).toEqual([]);
    const t25 = job.preview.tasks.find((t) => t.ordinal === '25');
    expect(t25?.leads.map((l) => l.orgName)).toEqual(['Sở Khoa học và Công nghệ']);
    expect(t25?.deadline).toMatchObject({ text: '12/2025', dueOn: '2025-12-31' });
    const after = await api.db.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    // The coordinator corrects a title before confirming.
    const edited = structuredClone(job.preview);
    const first = edited.tasks[0];
    if (first) first.title = `${first.title} (đã rà soát)`;
    const put = await api.call('coordinator', 'PUT', `/api/imports/${job.id}`, edited);
    expect(put.statusCode, put.body.slice(0, 300)).toBe(200);
    const confirmed = await api.call('coordinator', 'POST', `/api/imports/${job.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body.slice(0, 300)).toBe(200);
    const result = confirmed.json<{ directiveId: number; created: boolean; tasks: { added: number } }>();
    expect(result).toMatchObject({ created: false, tasks: { added: 79 } }); // 726 existed with tasks 27 and 8 from the test setup
    expect((await api.call('coordinator', 'POST', `/api/imports/${job.id}/confirm`)).statusCode).toBe(409);
    const tasks = await api.db.db.selectFrom('tasks').select(['ordinal', 'title']).where('directive_id', '=', result.directiveId).execute();
    expect(new Set(tasks.map((t) => t.ordinal)).size).toBe(tasks.length);
    expect(tasks.find((t) => t.ordinal === '1')?.title).toContain('(đã rà soát)');
    const assignments = await api.db.db.selectFrom('assignments').innerJoin('tasks', 'tasks.id', 'assignments.task_id').select('assignments.id').where('tasks.directive_id', '=', result.directiveId).execute();
    expect(assignments.length).toBeGreaterThan(100);

    // The same document again: a diff, then an update that adds nothing.
    const again = (await api.call('coordinator', 'POST', '/api/imports', { text: PLAN })).json<Job>();
    expect(again.preview.existing).toMatchObject({ directiveId: result.directiveId, added: [] });
    const second = (await api.call('coordinator', 'POST', `/api/imports/${again.id}/confirm`)).json<{ tasks: { added: number } }>();
    expect(second.tasks.added).toBe(0);
    const count = await api.db.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('directive_id', '=', result.directiveId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(tasks.length);
  });

  it('resolves merged departments in the conclusion notice to their successors, with a warning', async () => {
    const api = ctx.get();
    const job = (await api.call('otherCoordinator', 'POST', '/api/imports', { text: NOTICE })).json<Job>();
    expect(job.preview.directive.reportingDay).toBe(20);
    const named = job.preview.tasks.flatMap((t) => [...t.leads, ...t.coordinators]).filter((o) => o.replaced);
    expect(new Set(named.map((o) => `${o.replaced} → ${o.orgName}`))).toEqual(
      new Set(['Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ', 'Sở Giao thông vận tải → Sở Xây dựng', 'Sở Tài nguyên và Môi trường → Sở Nông nghiệp và Môi trường'].filter((pair) => named.some((o) => pair.startsWith(o.replaced ?? '')))),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(job.preview.warnings.some((w) => w.code === 'merged_org')).toBe(true);
    // A notice without a number is recognised again by its symbol, kind, date and title: no duplicate.
    const first = (await api.call('otherCoordinator', 'POST', `/api/imports/${job.id}/confirm`)).json<{ directiveId: number }>();
    const again = (await api.call('otherCoordinator', 'POST', '/api/imports', { text: NOTICE })).json<Job>();
    expect(again.preview.existing?.directiveId).toBe(first.directiveId);
    const second = (await api.call('otherCoordinator', 'POST', `/api/imports/${again.id}/confirm`)).json<{ directiveId: number; tasks: { added: number } }>();
    expect(second).toMatchObject({ directiveId: first.directiveId, tasks: { added: 0 } });
  });

  it('reads the same plan from a DOCX as from its text', async () => {
    const api = ctx.get();
    const fromText = (await api.call('coordinator', 'POST', '/api/imports', { text: PLAN })).json<Job>().preview;
    const res = await uploadImport(api, 'coordinator', 'ke-hoach-726.docx', docxFromText(PLAN));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const fromDocx = res.json<Job>().preview;
    const shape = (p: Preview) => p.tasks.map((t) => [t.ordinal, t.section, t.leads.map((l) => l.orgName), t.deadline.dueOn]);
    expect(shape(fromDocx)).toEqual(shape(fromText));
    expect(fromDocx.indicators.length).toBe(fromText.indicators.length);
  });

  it('refuses bad files with a clear Vietnamese error and writes nothing', async () => {
    const api = ctx.get();
    const jobsBefore = await api.db.db.selectFrom('import_jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    const bomb = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(250 * 1024 * 1024) }]);
    const encrypted = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>'), flags: 1 }]);
    const cases: [string, Buffer, number, RegExp][] = [
      ['trong.txt', Buffer.alloc(0), 400, /rỗng/],
      ['anh.docx', png, 415, /ảnh/],
      ['cu.docx', ole, 415, /\.doc|mật khẩu/],
      ['nhi-phan.docx', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), 400, /không phải DOCX/],
      ['hong.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]), 400, /hỏng/],
      ['bom.docx', bomb, 400, /zip bomb/],
      ['mat-khau.docx', encrypted, 400, /mật khẩu/],
      ['khong-co-nhiem-vu.txt', Buffer.from('Kính gửi các sở, ban, ngành.\nUBND tỉnh thông báo lịch nghỉ Tết.\n'), 400, /Không tìm thấy nhiệm vụ/],
      ['lon.txt', Buffer.alloc(21 * 1024 * 1024, 0x61), 413, /vượt quá/],
      // Found by the fuzz: files shorter than a magic number, and UTF-16 cut mid-character, were a 500 (RangeError).
      ['ngan.docx', Buffer.from('PK'), 400, /không phải DOCX/],
      ['ngan.txt', Buffer.from([0]), 400, /rỗng/],
      ['utf16-cut.txt', Buffer.from([0xfe, 0xff, 0]), 400, /rỗng/],
    ];
    for (const [name, bytes, status, message] of cases) {
      const res = await uploadImport(api, 'coordinator', name, bytes);
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(status);
      expect(res.json<{ error: { message: string } }>().error.message, name).toMatch(message);
    }
    const jobsAfter = await api.db.db.selectFrom('import_jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(jobsAfter.n)).toBe(Number(jobsBefore.n));
    // Building a 250 MB zip bomb and a 21 MB upload takes a while on two busy cores.
  }, 120_000);
});
