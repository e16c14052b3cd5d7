import { expect, it } from 'vitest';
import { clock } from '../server/domain/time.ts';
import { forEachDialect } from './helpers/db.ts';
import { type AccountName, type TestApi, setupApi } from './helpers/api.ts';

function multipart(name: string, mime: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----namro${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(api: TestApi, who: AccountName, name: string, bytes: Buffer) {
  const s = await api.session(who);
  const { body, contentType } = multipart(name, 'application/pdf', bytes);
  return api.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload: body });
}

forEachDialect('evidence files', (dialect) => {
  const ctx = setupApi(dialect);

  it('uploads a file, attaches it to a report and lets only those who see the report download it', async () => {
    const api = ctx.get();
    const bytes = Buffer.from('%PDF-1.4\nBáo cáo kết quả số hóa hồ sơ y tế tháng 4/2025\n%%EOF', 'utf8');
    const res = await upload(api, 'healthStaff', 'Báo cáo số hóa.pdf', bytes);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json<{ id: number; size: number; originalName: string }>();
    expect(file).toMatchObject({ size: bytes.length, originalName: 'Báo cáo số hóa.pdf' });

    clock.now = () => new Date('2025-04-10T03:00:00Z');
    try {
      const report = (await api.call('healthStaff', 'PUT', `/api/assignments/${api.healthAssignmentId}/report`, { results: 'Đã số hóa 40%', progress: 40 })).json<{ id: number }>();
      const withEvidence = await api.call('healthStaff', 'POST', `/api/reports/${report.id}/evidence`, { docNumber: '45/BC-SYT', docDate: '2025-04-09', fileId: file.id });
      expect(withEvidence.json<{ evidence: { fileId: number; docNumber: string }[] }>().evidence).toEqual([expect.objectContaining({ fileId: file.id, docNumber: '45/BC-SYT' })]);
      expect((await api.call('healthStaff', 'POST', `/api/reports/${report.id}/evidence`, { note: 'không có gì' })).statusCode).toBe(400);
    } finally {
      clock.now = () => new Date();
    }
    const download = await api.call('healthLeader', 'GET', `/api/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%A1o");
    expect((await api.call('coordinator', 'GET', `/api/files/${file.id}`)).statusCode).toBe(200);
    expect((await api.call('homeStaff', 'GET', `/api/files/${file.id}`)).statusCode).toBe(403);
    // Guessing the id and attaching it to one's own report does not open it either.
    clock.now = () => new Date('2025-04-10T03:00:00Z');
    try {
      const mine = (await api.call('homeStaff', 'PUT', `/api/assignments/${api.homeAssignmentId}/report`, { results: 'Đã phát động phong trào', progress: 30 })).json<{ id: number }>();
      expect((await api.call('homeStaff', 'POST', `/api/reports/${mine.id}/evidence`, { fileId: file.id })).statusCode).toBe(400);
    } finally {
      clock.now = () => new Date();
    }
    expect((await api.call('homeStaff', 'GET', `/api/files/${file.id}`)).statusCode).toBe(403);
  });

  it('refuses a file over the limit and a request without a file', async () => {
    const api = ctx.get();
    const big = await upload(api, 'healthStaff', 'lon.pdf', Buffer.alloc(26 * 1024 * 1024, 65));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const none = await api.call('healthStaff', 'POST', '/api/files', { name: 'x' });
    expect(none.statusCode).toBe(415);
  });

  it('refuses a multipart body without a boundary or cut off mid-file as unreadable (found by the fuzz: was a 500 and a 413)', async () => {
    const api = ctx.get();
    const s = await api.session('healthStaff');
    const { body, contentType } = multipart('a.pdf', 'application/pdf', Buffer.from('%PDF-1.4'));
    const cases = [
      { contentType: 'multipart/form-data', payload: body },
      { contentType, payload: body.subarray(0, body.length - 30) },
    ];
    for (const c of cases) {
      const res = await api.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': c.contentType }, payload: c.payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'malformed_request', message: expect.stringContaining('multipart') } });
    }
  });
});
