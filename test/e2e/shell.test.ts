import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, overflowsHorizontally, screenshot, seriousA11yViolations, signIn, startE2E, type E2E } from './helpers/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('sign-in and the frame', () => {
  it('sends a visitor to sign-in and back to the page asked for, in Vietnamese', async () => {
    const { page } = await e2e.open();
    await page.goto('/tasks');
    await page.waitForURL(/\/login\?next=%2Ftasks/);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'login');
    await page.getByLabel('Tên đăng nhập').fill('agency.staff');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The server's own Vietnamese message, next to the form.
    await page.getByRole('alert').filter({ hasText: /không đúng/i }).waitFor();
    await page.getByLabel('Mật khẩu').fill('namro2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/tasks$/);
  });

  it('shows the menu of the role and switches to English', async () => {
    const { page } = await e2e.open('agency.staff');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Báo cáo của đơn vị' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Duyệt báo cáo' }).count()).toBe(0);
    await page.getByTitle('English').click();
    await nav.getByRole('link', { name: 'Our reports' }).waitFor();
    // The choice survives a reload.
    await page.reload();
    await nav.getByRole('link', { name: 'Our reports' }).waitFor();
  });

  it('signs out and refuses the pages afterwards', async () => {
    const { page } = await e2e.open('coordinator');
    // The browser asks for reduced motion (helpers/browser.ts): the menu opens without antd's sliding classes.
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
    const signOut = menu.getByRole('menuitem', { name: 'Đăng xuất' });
    await signOut.waitFor();
    expect(await menu.getAttribute('class')).not.toMatch(/-(appear|enter)/);
    await signOut.click();
    await page.waitForURL(/\/login/);
    await page.goto('/review');
    await page.waitForURL(/\/login\?next=%2Freview/);
  });

  it('fits a phone: the menu is a drawer and nothing scrolls sideways', async () => {
    const { page } = await e2e.open();
    await page.setViewportSize(PHONE);
    await signIn(page, 'leader');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Nhiệm vụ' }).click();
    await page.waitForURL(/\/tasks$/);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone-tasks');
  });

  it('finds "so y te" as Sở Y tế in the global search', async () => {
    const { page } = await e2e.open('coordinator');
    await page.getByRole('combobox', { name: /Tìm nhiệm vụ/ }).fill('so y te');
    // antd renders the list virtually (no option roles in the visible rows): read the popup's text.
    await page.locator('.ant-select-dropdown').getByText('Sở Y tế', { exact: true }).waitFor();
    await page.locator('.ant-select-dropdown').getByText('Sở Y tế', { exact: true }).click();
    await page.waitForURL(/\/tasks\?orgId=\d+/);
  });

  it("gives the leader the month's synthesis report of a directive in one click (DOCX)", async () => {
    const { page } = await e2e.open('leader');
    await page.goto('/directives/1');
    await page.getByRole('button', { name: 'Báo cáo tháng' }).click();
    const link = page.getByRole('link', { name: /Tải báo cáo tổng hợp/ });
    // The demo's today is 10/11/2025: last month is offered.
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe('/api/documents/monthly-report.docx?directiveId=1&period=2025-10');
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('wordprocessingml');
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
  });
});
