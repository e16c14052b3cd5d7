import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, overflowsHorizontally, screenshot, seriousA11yViolations, startE2E, type E2E } from './helpers/browser.ts';

interface TaskPage {
  total: number;
  items: { id: number; title: string; dueOn: string | null; statusClass: string; leads: { orgName: string | null }[] }[];
}
interface TimelineEvent {
  type: string;
  title: string;
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** The API's answer with the page's own session (the same cookie the app uses). */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

const countText = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} nhiệm vụ`;
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

async function pickOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
}

describe('task list', () => {
  it('narrows by an accent-free search and a status, keeps both in the URL after a reload, and sorts by due date', async () => {
    const { page } = await e2e.open('coordinator');
    await page.goto('/tasks');
    const all = await apiGet<TaskPage>(page, '/api/tasks?pageSize=1');
    await page.getByTestId('task-count').filter({ hasText: countText(all.total) }).waitFor();

    await page.getByLabel('Tìm nhiệm vụ', { exact: true }).fill('so y te');
    await page.getByLabel('Tìm nhiệm vụ', { exact: true }).press('Enter');
    const searched = await apiGet<TaskPage>(page, '/api/tasks?q=so%20y%20te&pageSize=50');
    expect(searched.total).toBeGreaterThan(0);
    expect(searched.total).toBeLessThan(all.total);
    await page.getByTestId('task-count').filter({ hasText: countText(searched.total) }).waitFor();

    await pickOption(page, 'Trạng thái', 'Quá hạn');
    const overdue = await apiGet<TaskPage>(page, '/api/tasks?q=so%20y%20te&statusClass=overdue&pageSize=50');
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.total).toBeLessThan(searched.total);
    await page.getByTestId('task-count').filter({ hasText: countText(overdue.total) }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('so y te');
    expect(new URL(page.url()).searchParams.get('statusClass')).toBe('overdue');
    const first = overdue.items[0];
    if (!first) throw new Error('no overdue task');
    await page.getByRole('link', { name: first.title }).first().waitFor();

    await page.reload();
    await page.getByTestId('task-count').filter({ hasText: countText(overdue.total) }).waitFor();
    expect(await page.getByLabel('Tìm nhiệm vụ', { exact: true }).inputValue()).toBe('so y te');
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(Math.min(overdue.total, 20));
    expect(await page.locator('.ant-table-tbody').getByText('Quá hạn', { exact: true }).count()).toBe(Math.min(overdue.total, 20));

    // Sort by due date (the column header); the first row is the API's earliest.
    await page.getByRole('columnheader', { name: /Thời hạn/ }).click();
    await page.waitForURL(/sort=due_on/);
    const byDue = await apiGet<TaskPage>(page, '/api/tasks?q=so%20y%20te&statusClass=overdue&sort=due_on&pageSize=20');
    const earliest = byDue.items[0];
    if (!earliest?.dueOn) throw new Error('no due date');
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await firstRow.getByText(earliest.title).waitFor();
    expect(await firstRow.textContent()).toContain(ddmmyyyy(earliest.dueOn));
    const dues = byDue.items.map((x) => x.dueOn).filter((d): d is string => d !== null);
    expect([...dues].sort()).toEqual(dues);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'tasks-list-desk');
  });

  it('downloads the filtered list as an xlsx workbook with the same tasks', async () => {
    const { page } = await e2e.open('coordinator');
    await page.goto('/tasks?q=so%20y%20te&statusClass=overdue');
    const expected = await apiGet<TaskPage>(page, '/api/tasks?q=so%20y%20te&statusClass=overdue&pageSize=200');
    await page.getByTestId('task-count').filter({ hasText: countText(expected.total) }).waitFor();
    const button = page.getByRole('link', { name: /Xuất Excel/ });
    const href = await button.getAttribute('href');
    expect(href).toBe('/api/exports/tasks.xlsx?statusClass=overdue&q=so+y+te');
    const res = await page.request.get(href ?? '');
    expect(res.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('B2').text).toBe('Tên nhiệm vụ');
    const titles: string[] = [];
    for (let r = 3; r <= sheet.rowCount; r++) if (sheet.getCell(`B${r}`).text) titles.push(sheet.getCell(`B${r}`).text);
    expect(titles.sort()).toEqual(expected.items.map((x) => x.title).sort());

    // "One sheet per section" asks the server for one sheet per section.
    await page.getByLabel('Mỗi mục một trang tính').check();
    expect(await button.getAttribute('href')).toContain('bySection=true');
  });

  it('shows an agency only the tasks assigned to it, and refuses the others', async () => {
    const { page } = await e2e.open('agency.staff');
    await page.goto('/tasks');
    const own = await apiGet<TaskPage>(page, '/api/tasks?pageSize=200');
    await page.getByTestId('task-count').filter({ hasText: countText(own.total) }).waitFor();
    const { page: coordinatorPage } = await e2e.open('coordinator');
    const all = await apiGet<TaskPage>(coordinatorPage, '/api/tasks?pageSize=200');
    expect(own.total).toBeGreaterThan(0);
    expect(own.total).toBeLessThan(all.total);
    const ownIds = new Set(own.items.map((x) => x.id));
    const foreign = all.items.find((x) => !ownIds.has(x.id) && x.leads.every((l) => l.orgName !== 'Sở Y tế'));
    if (!foreign) throw new Error('every task is the agency’s');
    await page.getByLabel('Tìm nhiệm vụ', { exact: true }).fill(foreign.title.slice(0, 60));
    await page.getByLabel('Tìm nhiệm vụ', { exact: true }).press('Enter');
    await page.waitForURL(/q=/);
    await page.getByTestId('task-count').waitFor();
    expect(await page.getByRole('link', { name: foreign.title }).count()).toBe(0);
    await page.goto(`/tasks/${foreign.id}`);
    await page.getByText('Bạn không có quyền xem nội dung này.').waitFor();
  });

  it('fits a phone: cards instead of a table, nothing scrolls sideways', async () => {
    const { page } = await e2e.open('agency.staff', PHONE);
    await page.goto('/tasks');
    await page.getByRole('list', { name: 'Nhiệm vụ' }).getByRole('listitem').first().waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: /Bộ lọc/ }).click();
    await page.getByLabel('Trạng thái', { exact: true }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'tasks-list-phone');
  });
});

describe('task page', () => {
  it('shows the five clears, the assignments and the timeline of a task with reports; a leader’s direction stays after a reload', async () => {
    const { page } = await e2e.open('leader');
    const list = await apiGet<TaskPage>(page, '/api/tasks?directiveId=1&statusClass=overdue&pageSize=50');
    let chosen: { id: number; timeline: TimelineEvent[] } | null = null;
    for (const x of list.items) {
      const timeline = await apiGet<TimelineEvent[]>(page, `/api/tasks/${x.id}/timeline`);
      if (timeline.some((e) => e.type === 'report_submitted')) {
        chosen = { id: x.id, timeline };
        break;
      }
    }
    if (!chosen) throw new Error('no task with reports');
    const detail = await apiGet<{ title: string; deadlineText: string | null; dueOn: string | null; product: string | null; leads: { orgName: string | null; nameAsWritten: string }[]; assignments: { id: number; orgName: string }[] }>(page, `/api/tasks/${chosen.id}`);
    await page.goto(`/tasks/${chosen.id}`);
    const clears = page.locator('.ant-card').filter({ hasText: 'Năm rõ' });
    await clears.getByText('Rõ người — cơ quan chủ trì').waitFor();
    for (const label of ['Rõ việc — nội dung', 'Rõ thời gian — thời hạn', 'Rõ kết quả — sản phẩm', 'Rõ trách nhiệm — người phụ trách, cơ quan phối hợp']) await clears.getByText(label).waitFor();
    const leadName = detail.leads[0]?.orgName ?? detail.leads[0]?.nameAsWritten ?? '';
    expect(await clears.textContent()).toContain(leadName);
    expect(await clears.textContent()).toContain(detail.title);
    if (detail.deadlineText) expect(await clears.textContent()).toContain(detail.deadlineText);
    if (detail.dueOn) expect(await clears.textContent()).toContain(`Hạn: ${ddmmyyyy(detail.dueOn)}`);
    if (detail.product) expect(await clears.textContent()).toContain(detail.product);

    const assignment = detail.assignments[0];
    if (!assignment) throw new Error('no assignment');
    expect(await page.getByRole('link', { name: `Mở phân công: ${assignment.orgName}` }).getAttribute('href')).toBe(`/assignments/${assignment.id}`);

    const timeline = page.locator('.ant-card').filter({ hasText: 'Diễn biến' });
    const report = chosen.timeline.find((e) => e.type === 'report_submitted');
    await timeline.getByText(report?.title ?? '', { exact: true }).first().waitFor();
    expect(await timeline.locator('[data-event-type="report_submitted"]').count()).toBeGreaterThan(0);

    await page.getByText('Ý kiến chỉ đạo', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Nội dung' }).fill('Đề nghị Sở hoàn thành trước ngày 15/12/2026.');
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã gửi ý kiến.').waitFor();
    await page.reload();
    const direction = page.locator('[data-event-type="direction"]').first();
    // An ellipsised paragraph also renders hidden copies of its text to measure it: the visible one is the first.
    await direction.getByText('Đề nghị Sở hoàn thành trước ngày 15/12/2026.').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'task-page-desk');

    await page.setViewportSize(PHONE);
    await page.reload();
    await clears.getByText('Rõ người — cơ quan chủ trì').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'task-page-phone');
  });

  it('lets the coordinator of the plan correct a task; another coordinator gets no edit button', async () => {
    const { page } = await e2e.open('coordinator');
    await page.goto('/tasks/2');
    await page.getByRole('button', { name: 'Sửa nhiệm vụ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Sản phẩm').fill('Kế hoạch của UBND tỉnh (đã sửa)');
    await dialog.getByLabel('Thời gian hoàn thành (như văn bản viết)').fill('Quý IV/2026');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu nhiệm vụ.').waitFor();
    const saved = await apiGet<{ product: string; dueOn: string }>(page, '/api/tasks/2');
    expect(saved).toMatchObject({ product: 'Kế hoạch của UBND tỉnh (đã sửa)', dueOn: '2026-12-31' });
    await page.reload();
    await page.getByText('Hạn: 31/12/2026').first().waitFor();

    // Another coordinator (Văn phòng UBND) does not manage Plan 726: no edit button.
    const { page: office } = await e2e.open('office');
    await office.goto('/tasks/2');
    await office.getByText('Rõ người — cơ quan chủ trì').waitFor();
    expect(await office.getByRole('button', { name: 'Sửa nhiệm vụ' }).count()).toBe(0);
  });
});

describe('directives', () => {
  it('lists the directives with their task counts and opens Plan 726 with sections, roll-up and indicators', async () => {
    const { page } = await e2e.open('coordinator');
    await page.goto('/directives');
    await page.getByLabel('Tìm văn bản').fill('726');
    await page.getByLabel('Tìm văn bản').press('Enter');
    await page.getByRole('link', { name: '726/KH-UBND' }).click();
    await page.waitForURL(/\/directives\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const summary = await apiGet<{ assignments: number; byStatus: Record<string, number> }>(page, `/api/summary?directiveId=${id}`);
    await page.getByText(`Quá hạn: ${summary.byStatus.overdue ?? 0}`).waitFor();
    await page.getByText('Trước ngày 18 hằng tháng').waitFor();
    await page.getByText('Ngày 23 hằng tháng').waitFor();
    await page.getByText('57-NQ/TW').first().waitFor();
    const all = await apiGet<TaskPage>(page, `/api/tasks?directiveId=${id}&pageSize=1`);
    await page.getByRole('link', { name: `Xem tất cả ${all.total} nhiệm vụ` }).waitFor();
    expect(await page.getByRole('link', { name: 'Nhập lại từ văn bản' }).count() + (await page.getByRole('button', { name: 'Nhập lại từ văn bản' }).count())).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'directive-page-desk');

    // A section opens the task list filtered to it, with the count the API gives.
    await page.getByRole('link', { name: 'Xem nhiệm vụ của mục II', exact: true }).click();
    await page.waitForURL(/\/tasks\?directiveId=\d+&sectionId=\d+/);
    const sectionId = new URL(page.url()).searchParams.get('sectionId');
    const inSection = await apiGet<TaskPage>(page, `/api/tasks?directiveId=${id}&sectionId=${sectionId}&pageSize=1`);
    await page.getByTestId('task-count').filter({ hasText: countText(inSection.total) }).waitFor();

    await page.setViewportSize(PHONE);
    await page.goto(`/directives/${id}`);
    await page.getByText('Trước ngày 18 hằng tháng').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'directive-page-phone');
  });
});
