import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, overflowsHorizontally, screenshot, seriousA11yViolations, startE2E, type E2E } from './helpers/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

interface DashboardAnswer {
  totals: { assignments: number; tasks: number };
  byStatus: Record<string, number>;
  overdue: { total: number; items: { orgName: string; daysLate: number }[] };
  directives: { id: number; number: string; total: number }[];
}

/** The figure a status card shows, read from its accessible name ("88 — Quá hạn: mở danh sách nhiệm vụ"). */
async function cardNumber(page: Page, label: string): Promise<number> {
  const card = page.getByRole('link', { name: new RegExp(`^[\\d.]+ — ${label}: mở danh sách`) });
  await card.waitFor();
  const name = (await card.getAttribute('aria-label')) ?? '';
  return Number(name.split(' — ')[0]?.replace(/\./g, ''));
}

async function dashboardApi(page: Page, query = ''): Promise<DashboardAnswer> {
  const res = await page.request.get(`/api/dashboard${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as DashboardAnswer;
}

const FIRST_CHART = '[data-chart-ready] svg';

describe("the leader's dashboard", () => {
  it('shows the same numbers as the API, and a number opens the task list with its filter', async () => {
    const { page } = await e2e.open('leader');
    const started = Date.now();
    await page.goto('/dashboard');
    await page.locator(FIRST_CHART).first().waitFor();
    console.log(`dashboard: navigation to first chart ${Date.now() - started} ms`);

    const api = await dashboardApi(page);
    expect(api.totals.assignments).toBeGreaterThan(500);
    expect(await cardNumber(page, 'Tổng số nhiệm vụ được giao')).toBe(api.totals.assignments);
    expect(await cardNumber(page, 'Quá hạn')).toBe(api.byStatus.overdue);
    expect(await cardNumber(page, 'Hoàn thành đúng hạn')).toBe(api.byStatus.completed_on_time);
    expect(await cardNumber(page, 'Chưa triển khai')).toBe(api.byStatus.not_started);
    // The longest-overdue assignment heads the list with its days late.
    const first = api.overdue.items[0];
    expect(first).toBeDefined();
    await page.getByRole('cell', { name: `Quá ${first?.daysLate.toLocaleString('vi-VN')} ngày` }).first().waitFor();
    await page.getByText('726/KH-UBND', { exact: true }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-desk');

    await page.getByRole('link', { name: /— Quá hạn: mở danh sách/ }).click();
    await page.waitForURL(/\/tasks\?statusClass=overdue$/);
  });

  it('narrows every figure when a directive is chosen, keeps it in the address, and drills down with it', async () => {
    const { page } = await e2e.open('leader');
    await page.goto('/dashboard');
    await page.locator(FIRST_CHART).first().waitFor();
    const all = await dashboardApi(page);
    const plan = all.directives.find((d) => d.number === '726/KH-UBND');
    expect(plan).toBeDefined();
    const planId = plan?.id ?? 0;

    await page.getByLabel('Văn bản', { exact: true }).click();
    await page.locator('.ant-select-dropdown').getByText(/^726\/KH-UBND — /).click();
    await page.waitForURL(new RegExp(`/dashboard\\?directiveId=${planId}$`));
    const filtered = await dashboardApi(page, `?directiveId=${planId}`);
    expect(filtered.totals.assignments).toBe(plan?.total);
    expect(filtered.totals.assignments).toBeLessThan(all.totals.assignments);
    await expect.poll(() => cardNumber(page, 'Tổng số nhiệm vụ được giao')).toBe(filtered.totals.assignments);
    expect(await cardNumber(page, 'Quá hạn')).toBe(filtered.byStatus.overdue);

    // A shared link shows the same view.
    await page.reload();
    await page.locator(FIRST_CHART).first().waitFor();
    expect(await cardNumber(page, 'Tổng số nhiệm vụ được giao')).toBe(filtered.totals.assignments);

    await page.getByRole('link', { name: /— Quá hạn: mở danh sách/ }).click();
    await page.waitForURL(new RegExp(`/tasks\\?directiveId=${planId}&statusClass=overdue$`));
  });

  it("shows an agency its own figures only", async () => {
    const { page } = await e2e.open('agency.staff');
    await page.goto('/dashboard');
    await page.locator(FIRST_CHART).first().waitFor();
    const own = await dashboardApi(page);
    expect(await cardNumber(page, 'Tổng số nhiệm vụ được giao')).toBe(own.totals.assignments);
    expect(own.totals.assignments).toBeLessThan(100);
    expect(own.overdue.items.every((i) => i.orgName === 'Sở Y tế')).toBe(true);
  });

  it('fits a phone: cards stack, charts shrink, nothing scrolls sideways', async () => {
    const { page } = await e2e.open('leader', PHONE);
    const started = Date.now();
    await page.goto('/dashboard');
    await page.locator(FIRST_CHART).first().waitFor();
    console.log(`dashboard (phone): navigation to first chart ${Date.now() - started} ms`);
    await page.locator(FIRST_CHART).nth(1).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    // The filters fold behind one button on a phone.
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByLabel('Kỳ (tháng)').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-phone');
  });
});

describe('indicators', () => {
  it('lets the coordinator enter a value, colours it against the target, and verify it', async () => {
    const { page } = await e2e.open('coordinator');
    await page.goto('/indicators');
    // Plan 726 (coordinated by the coordinator's department) is chosen by default.
    await page.getByRole('cell', { name: /Tỷ lệ đóng góp của năng suất nhân tố tổng hợp/ }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Nhập số liệu: 5\. / }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Giá trị (số)').fill('50');
    await dialog.getByLabel('Nguồn số liệu').fill('Cục Thống kê');
    await dialog.getByRole('button', { name: 'Lưu số liệu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Target ≥ 55 %: 50 is within a fifth of it, so "close" (orange), awaiting verification.
    const row = page.getByRole('row', { name: /Tỷ lệ đóng góp của năng suất nhân tố tổng hợp/ });
    await row.getByText('Gần đạt').waitFor();
    await row.getByText('Chờ xác nhận').waitFor();
    await screenshot(page, 'indicators-desk');

    await row.getByRole('button', { name: /^Xu hướng/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.locator(FIRST_CHART).waitFor();
    await drawer.getByRole('button', { name: 'Xác nhận' }).click();
    await drawer.getByText('Đã xác nhận').waitFor();
    await screenshot(page, 'indicators-trend');
    await page.keyboard.press('Escape');

    await page.reload();
    const reloaded = page.getByRole('row', { name: /Tỷ lệ đóng góp của năng suất nhân tố tổng hợp/ });
    await reloaded.getByText('Đã xác nhận').waitFor();
    expect(await reloaded.getByText(/^50\s?%/).count()).toBe(1);

    // The dashboard counts it among the indicators close to target.
    const dash = await page.request.get('/api/dashboard');
    const body = (await dash.json()) as { indicators: { byColour: { orange: number } } };
    expect(body.indicators.byColour.orange).toBe(1);
  });

  it('reads on a phone as cards, without a sideways scroll', async () => {
    const { page } = await e2e.open('leader', PHONE);
    const options = (await (await page.request.get('/api/dashboard/options')).json()) as { directives: { id: number; number: string }[] };
    const plan = options.directives.find((d) => d.number === '726/KH-UBND');
    await page.goto(`/indicators?directiveId=${plan?.id ?? 0}`);
    await page.getByText(/^5\. Tỷ lệ đóng góp của năng suất/).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    // The leader reads; entering values belongs to the monitoring agency.
    expect(await page.getByRole('button', { name: /^Nhập số liệu/ }).count()).toBe(0);
    await screenshot(page, 'indicators-phone');
  });
});

describe('agency ranking', () => {
  it('ranks every agency for the month with the breakdown of its score and its history', async () => {
    const { page } = await e2e.open('leader');
    await page.goto('/scores?period=2025-06');
    const res = await page.request.get('/api/scores?period=2025-06');
    const rows = (await res.json()) as { rank: number; orgName: string; score: { total: number; band: string } }[];
    expect(rows.length).toBeGreaterThan(10);
    const top = rows[0];
    const firstRow = page.getByRole('row', { name: new RegExp(`^.*1\\s+${top?.orgName ?? ''}`) });
    await firstRow.waitFor();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(rows.length);
    await firstRow.getByRole('button').first().click();
    await page.getByText('Báo cáo đạt yêu cầu').first().waitFor();
    await page.getByText(/\/40 điểm/).first().waitFor();
    await page.locator(FIRST_CHART).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'scores-desk');
  });

  it("shows an agency only its own row, opened, on a phone", async () => {
    const { page } = await e2e.open('agency.leader', PHONE);
    await page.goto('/scores?period=2025-06');
    await page.getByText('Sở Y tế', { exact: true }).waitFor();
    await page.getByText('Bạn xem được điểm của cơ quan mình.').waitFor();
    expect(await page.getByText(/^Hạng \d+$/).count()).toBe(1);
    await page.getByText('Nhiệm vụ hoàn thành', { exact: true }).first().waitFor();
    await page.locator(FIRST_CHART).first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'scores-phone');
  });
});
