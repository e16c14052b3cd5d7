import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK, PHONE, overflowsHorizontally, screenshot, seriousA11yViolations, signIn, startE2E, type E2E } from './helpers/browser.ts';

// Plan 726 is in the demo already: the wizard re-imports it from its seed document (the same number updates it).
const SEED_726 = new URL('../fixtures/seeds/001_7ac3fb3fba868bc4.txt', import.meta.url).pathname;
const EDITED_TITLE = 'Phát động phong trào thi đua đổi mới sáng tạo — nội dung sửa khi nhập lại (kiểm thử e2e)';

interface PreviewJob {
  id: number;
  preview: { tasks: { ordinal: string; title: string; leads: { text: string; orgId?: number | null }[]; coordinators: { text: string; orgId?: number | null }[] }[]; indicators: unknown[] };
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/**
 * Picks an option of an antd select found by its label, after typing part of the option's text. On a busy
 * machine a click can land while the list re-renders and select nothing, leaving the popup open with the
 * option still there: it is clicked again.
 */
async function pick(page: Page, label: string | RegExp, typed: string, option: string, within: Page | Locator = page) {
  const openPopups = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // One popup at a time: a closing one would swallow the next click.
  await expect.poll(() => openPopups.count(), { timeout: 15_000 }).toBe(0);
  const box = within.getByRole('combobox', { name: label });
  await box.click();
  if (typed) await box.fill(typed);
  const item = openPopups.locator('.ant-select-item-option').filter({ hasText: option }).first();
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 && (await openPopups.count()) === 0) return; // the earlier click did pick, slowly
    await item.waitFor();
    await item.click();
    try {
      await expect.poll(() => openPopups.count(), { timeout: 5_000 }).toBe(0); // closes with an animation
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('import wizard', () => {
  it('re-imports Plan 726: preview as the API read it, one task edited, an agency mapped, confirmed', async () => {
    const { page } = await e2e.open('coordinator');
    await page.goto('/import?directiveId=1');
    await page.getByText('Nhập lại văn bản 726/KH-UBND', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'import-upload');

    const started = page.waitForResponse((r) => r.url().endsWith('/api/imports') && r.request().method() === 'POST');
    await page.locator('input[type=file]').setInputFiles(SEED_726);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    const job = (await (await started).json()) as PreviewJob;
    expect(job.preview.tasks.length).toBeGreaterThan(50);

    // The counts on screen are the API's.
    await page.getByRole('tab', { name: `Nhiệm vụ (${job.preview.tasks.length})` }).waitFor();
    await page.getByRole('tab', { name: `Chỉ tiêu (${job.preview.indicators.length})` }).waitFor();
    await page.getByText('Văn bản này đã có trong hệ thống').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('job')).toBe(String(job.id));
    await expectAccessible(page);
    await screenshot(page, 'import-review');

    // Edit task 8's title in its drawer.
    const task = job.preview.tasks.find((t) => t.ordinal === '8');
    expect(task).toBeDefined();
    await page.getByRole('button', { name: 'Sửa nhiệm vụ 8', exact: true }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Nội dung nhiệm vụ').fill(EDITED_TITLE);
    await screenshot(page, 'import-task-drawer');
    await drawer.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText(EDITED_TITLE).waitFor();
    await page.getByText('Có thay đổi chưa lưu.').waitFor();

    // Map the most frequent unknown agency name to a directory org, for the whole document.
    const unknownTab = page.getByRole('tab', { name: /Cơ quan chưa nhận diện/ });
    const before = Number(/\((\d+)\)/.exec((await unknownTab.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(0);
    await unknownTab.click();
    const firstName = (await page.locator('.ant-list-item strong').first().textContent()) ?? '';
    await pick(page, `Cơ quan trong danh mục cho "${firstName}"`, 'van phong ubnd', 'Văn phòng Ủy ban nhân dân tỉnh');
    await page.getByRole('tab', { name: `Cơ quan chưa nhận diện (${before - 1})` }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'import-orgs');

    // Saved on the server: the mapping and the title are in the stored preview.
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Bản xem trước đã lưu').waitFor();
    const saved = (await (await page.request.get(`/api/imports/${job.id}`)).json()) as PreviewJob;
    expect(saved.preview.tasks.find((t) => t.ordinal === '8')?.title).toBe(EDITED_TITLE);
    const mapped = saved.preview.tasks.flatMap((t) => [...t.leads, ...t.coordinators]).filter((o) => o.text.toLowerCase() === firstName.toLowerCase());
    expect(mapped.length).toBeGreaterThan(0);
    expect(mapped.every((o) => typeof o.orgId === 'number')).toBe(true);

    const confirmed = page.waitForResponse((r) => r.url().endsWith(`/api/imports/${job.id}/confirm`));
    await page.getByRole('button', { name: 'Xác nhận cập nhật văn bản' }).click();
    const result = (await (await confirmed).json()) as { directiveId: number; created: boolean; tasks: { updated: number } };
    expect(result).toMatchObject({ directiveId: 1, created: false });
    expect(result.tasks.updated).toBeGreaterThanOrEqual(1);
    await page.getByText('Đã cập nhật văn bản').waitFor();
    await page.getByText(`${result.tasks.updated} cập nhật`, { exact: false }).waitFor();
    await screenshot(page, 'import-done');

    await page.getByRole('button', { name: 'Mở văn bản' }).click();
    await page.waitForURL(/\/directives\/1$/);
    await page.getByRole('heading', { name: /726\/KH-UBND/ }).waitFor();
    // The edited title is what the directive's task now says.
    const tasks = (await (await page.request.get('/api/tasks', { params: { directiveId: 1, q: 'sua khi nhap lai', pageSize: 10 } })).json()) as { items: { ordinal: string; title: string }[] };
    expect(tasks.items.map((t) => [t.ordinal, t.title])).toEqual([['8', EDITED_TITLE]]);
  }, 240_000);

  it('shows the server’s Vietnamese message next to the upload for a file it cannot read', async () => {
    const { page } = await e2e.open('coordinator', PHONE);
    await page.goto('/import');
    await page.locator('input[type=file]').setInputFiles({ name: 'anh-chup.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải DOCX') });
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByRole('alert').filter({ hasText: 'không phải DOCX hợp lệ' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'phone-import-error');
  });
});

describe('administration', () => {
  it('an admin creates a user who then signs in; the inspector finds the creation in the audit log', async () => {
    // A fresh account per attempt: a retried journey must not meet the account its first attempt created.
    const username = `e2e.kiemthu${Date.now().toString(36).slice(-5)}`;
    const { page } = await e2e.open('admin');
    await page.goto('/admin/users');
    await page.getByRole('cell', { name: /agency\.staff/ }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-users');

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên đăng nhập').fill(username);
    await drawer.getByLabel('Họ và tên').fill('Nguyễn Thị Kiểm Thử');
    await pick(page, /Cơ quan, đơn vị/, 'so y te', 'Sở Y tế', drawer);
    await pick(page, /Vai trò/, '', 'Cán bộ đầu mối', drawer);
    await drawer.getByLabel('E-mail').fill(`${username}@demo.namro.local`);
    await drawer.getByLabel('Mật khẩu ban đầu').fill('mat-khau-e2e-1');
    await screenshot(page, 'admin-user-create');
    await drawer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText(`Đã tạo tài khoản ${username}`).waitFor();
    // The closing drawer hands the focus back to its button: typing before it has gone would lose the Enter.
    await drawer.waitFor({ state: 'hidden' });
    const search = page.getByLabel('Tìm theo tên, tên đăng nhập, e-mail');
    await search.fill(username);
    await search.press('Enter');
    // The search leaves one row: the new account, in its org.
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('tr.ant-table-row').textContent()).toMatch(new RegExp(`Nguyễn Thị Kiểm Thử.*${username.replace('.', '\\.')}.*Sở Y tế.*Cán bộ đầu mối`));

    // A taken username is refused next to the field, in Vietnamese.
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await drawer.getByLabel('Tên đăng nhập').fill(username);
    await drawer.getByLabel('Họ và tên').fill('Trùng tên');
    await pick(page, /Cơ quan, đơn vị/, 'so y te', 'Sở Y tế', drawer);
    await pick(page, /Vai trò/, '', 'Người xem', drawer);
    await drawer.getByLabel('Mật khẩu ban đầu').fill('mat-khau-e2e-2');
    await drawer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await drawer.getByText(`Tên đăng nhập "${username}" đã được dùng.`).waitFor();

    const newcomer = await e2e.open();
    await signIn(newcomer.page, username, 'mat-khau-e2e-1');
    const me = (await (await newcomer.page.request.get('/api/me')).json()) as { user: { username: string; role: string } };
    expect(me.user).toMatchObject({ username, role: 'agency_staff' });

    const inspector = (await e2e.open('inspector')).page;
    await inspector.goto('/admin/audit');
    await pick(inspector, 'Loại dữ liệu', 'Người d', 'Người dùng');
    await pick(inspector, 'Thao tác', 'Tạo', 'Tạo mới');
    const row = inspector.locator('tr.ant-table-row').filter({ hasText: 'admin' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /Mở rộng|Expand/ }).click();
    await inspector.getByText(username, { exact: true }).waitFor();
    await inspector.getByText('Nguyễn Thị Kiểm Thử', { exact: true }).waitFor();
    await expectAccessible(inspector);
    await screenshot(inspector, 'admin-audit');
  }, 180_000);

  it('refuses agency users the import and user screens with the no-permission page', async () => {
    const { page } = await e2e.open('agency.staff');
    for (const path of ['/admin/users', '/import', '/admin/settings']) {
      await page.goto(path);
      await page.getByText('Bạn không có quyền xem nội dung này.').waitFor();
      expect(await page.getByRole('button', { name: 'Đọc văn bản' }).count()).toBe(0);
    }
    await screenshot(page, 'admin-forbidden');
  });

  it('shows the directory, settings and audit on a desk and a phone without sideways scrolling', async () => {
    for (const [name, viewport] of [['desk', DESK], ['phone', PHONE]] as const) {
      const { page } = await e2e.open('admin', viewport);
      await page.goto('/admin/orgs');
      await page.getByRole('tree').getByText('Sở Y tế', { exact: true }).click();
      await page.getByText('Tên gọi khác').first().waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await expectAccessible(page);
      await screenshot(page, `admin-orgs-${name}`);

      await page.goto('/admin/settings');
      await page.getByLabel('Ngày nộp báo cáo hằng tháng').waitFor();
      await page.getByText('Quốc khánh (2/9)').waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await expectAccessible(page);
      await screenshot(page, `admin-settings-${name}`);

      await page.goto('/admin/audit');
      await page.locator('tr.ant-table-row').first().waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, `admin-audit-${name}`);

      await page.goto('/admin/users');
      await page.getByRole('cell', { name: /agency\.staff/ }).first().waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, `admin-users-${name}`);
      await page.context().close();
    }
  }, 240_000);

  it('saves a setting and refuses weights that do not add up to 100', async () => {
    const { page } = await e2e.open('admin');
    await page.goto('/admin/settings');
    const dueDay = page.getByLabel('Ngày nộp báo cáo hằng tháng');
    await dueDay.fill('19');
    await page.getByRole('button', { name: 'Lưu' }).first().click();
    await page.getByText('Đã lưu cài đặt').waitFor();
    const settings = (await (await page.request.get('/api/settings')).json()) as { key: string; value: unknown }[];
    expect(settings.find((s) => s.key === 'reporting.dueDay')?.value).toBe(19);

    await page.getByLabel('Hoàn thành nhiệm vụ').fill('50');
    await page.getByText('Tổng: 110/100').waitFor();
    await page.getByRole('button', { name: 'Lưu' }).nth(1).click();
    await page.getByText('Tổng các trọng số đang là 110; cần bằng 100.').waitFor();
  });
});
