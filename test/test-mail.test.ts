import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../server/auth/actor.ts';
import { useFastHashing } from '../server/auth/passwords.ts';
import { loadConfig } from '../server/config.ts';
import { buildApp } from '../server/http/app.ts';
import type { App } from '../server/http/types.ts';
import { provinceTemplate } from '../server/orgs/province-template.ts';
import { resolveOrgName } from '../server/orgs/resolve.ts';
import { loadOrgTemplate } from '../server/orgs/template-loader.ts';
import { createUser } from '../server/users/service.ts';
import { type TestDatabase, forEachDialect, freshDatabase } from './helpers/db.ts';
import { startSmtpServer } from './helpers/smtp.ts';

const PASSWORD = 'mat-khau-thu-nghiem';

forEachDialect('POST /api/settings/test-mail', (dialect) => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: App;
  let bare: App;

  beforeAll(async () => {
    useFastHashing(true);
    smtp = await startSmtpServer();
    db = await freshDatabase(dialect);
    const env = { DATABASE_URL: db.url.startsWith('sqlite:') ? db.url : 'postgres://unused', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/namro-test-data' };
    app = await buildApp({ db: db.db, dialect, config: loadConfig({ ...env, SMTP_URL: smtp.url, SMTP_FROM: 'Năm Rõ <no-reply@namro.local>' }) });
    bare = await buildApp({ db: db.db, dialect, config: loadConfig(env) });
    await loadOrgTemplate(db.db, SYSTEM_ACTOR, provinceTemplate({ code: 'HD', name: 'Hải Dương' }));
    const orgId = (await resolveOrgName(db.db, 'Trung tâm Công nghệ thông tin')).org?.id ?? 0;
    await createUser(db.db, SYSTEM_ACTOR, { username: 'admin', fullName: 'Quản trị', role: 'admin', orgId, password: PASSWORD, email: 'admin@tinh.gov.vn' });
    await createUser(db.db, SYSTEM_ACTOR, { username: 'admin2', fullName: 'Quản trị không thư', role: 'admin', orgId, password: PASSWORD });
    await createUser(db.db, SYSTEM_ACTOR, { username: 'inspector', fullName: 'Thanh tra', role: 'inspector', orgId, password: PASSWORD, email: 'tt@tinh.gov.vn' });
  });
  afterAll(async () => {
    await app?.close();
    await bare?.close();
    await db?.close();
    await smtp?.close();
  });

  async function post(target: App, username: string) {
    const login = await target.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'namro_session');
    const headers = { cookie: `namro_session=${cookie?.value ?? ''}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    return target.inject({ method: 'POST', url: '/api/settings/test-mail', headers });
  }

  it("sends a test mail to the admin's own address and audits it", async () => {
    const res = await post(app, 'admin');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ to: string }>().to).toBe('admin@tinh.gov.vn');
    await expect.poll(() => smtp.received.length).toBe(1);
    expect(smtp.received[0]?.to).toEqual(['admin@tinh.gov.vn']);
    expect(smtp.received[0]?.parsed.subject).toBe('Năm Rõ — thư thử');
    const audit = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'test_mail').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_label).toBe('admin');
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toEqual({ to: 'admin@tinh.gov.vn', sent: true });
  });

  it('says in Vietnamese what is missing: an address, a mail server; and refuses other roles', async () => {
    const noAddress = await post(app, 'admin2');
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json<{ error: { message: string } }>().error.message).toMatch(/chưa có địa chỉ e-mail/);
    const noServer = await post(bare, 'admin');
    expect(noServer.statusCode).toBe(409);
    expect(noServer.json<{ error: { message: string } }>().error.message).toMatch(/SMTP_URL/);
    const inspector = await post(app, 'inspector');
    expect(inspector.statusCode).toBe(403);
    expect(smtp.received).toHaveLength(1);
  });
});
