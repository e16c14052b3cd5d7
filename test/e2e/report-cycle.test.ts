import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, overflowsHorizontally, screenshot, seriousA11yViolations, startE2E, type E2E } from './helpers/browser.ts';

/**
 * The monthly cycle in the browser: the focal point drafts (autosaved, surviving a reload), the agency's
 * leader sends, the coordinator returns with a comment, the agency corrects and resends, the coordinator accepts.
 */

interface WorkItem {
  assignmentId: number;
  task: { ordinal: string; title: string };
  directive: { number: string };
  org: { name: string };
  reportState: string;
}
interface ReportView {
  id: number | null;
  state: string;
  results: string;
  progress: number;
  returnCount: number;
  reviewComment: string | null;
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

const reportOf = (page: Page, assignmentId: number) => getJson<ReportView>(page, `/api/assignments/${assignmentId}/report`);

async function waitForSaved(page: Page): Promise<void> {
  await page.locator('[data-autosave="saved"]').waitFor({ timeout: 15_000 });
}

/** The period the journey reports on: the demo's business date is 10/11/2025. */
const PERIOD = '11/2025';

const STATUS_LABELS: Record<string, string> = {
  completed_on_time: 'Hoàn thành đúng hạn',
  completed_late: 'Hoàn thành quá hạn',
  in_progress: 'Đang thực hiện trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  ongoing: 'Thường xuyên',
  waiting_condition: 'Chờ điều kiện',
  not_started: 'Chưa triển khai',
};

/** The figure a dashboard status card shows, read from its accessible name ("88 — Quá hạn: mở danh sách …"). */
async function cardNumber(page: Page, label: string): Promise<number> {
  const card = page.getByRole('link', { name: new RegExp(`^[\\d.]+ — ${label}: mở danh sách`) });
  await card.waitFor();
  return Number(((await card.getAttribute('aria-label')) ?? '').split(' — ')[0]?.replace(/\./g, ''));
}

describe('the monthly report cycle', () => {
  let target: WorkItem;
  /** The leader's dashboard and the target's status class before the cycle starts. */
  let dashboardBefore: Record<string, number>;
  let classBefore: string;
  const firstText = 'Tháng 11/2026: đã tổ chức 3 hội nghị tập huấn chuyển đổi số cho 120 cán bộ y tế.';
  const comment = 'Đề nghị bổ sung số liệu cụ thể về hồ sơ đã số hóa.';
  const correction = ' Đã số hóa 4.500 hồ sơ bệnh án.';

  it('shows the agency what it must do, and the focal point drafts a report that survives a reload', async () => {
    const { page } = await e2e.open('agency.staff');
    const work = await getJson<{ items: WorkItem[] }>(page, '/api/worklist/period');
    // A task of Plan 726 (the coordinator account follows it) with no report yet this period.
    const candidate = work.items.find((i) => i.directive.number === '726/KH-UBND' && i.reportState === 'not_started');
    expect(candidate).toBeTruthy();
    target = candidate as WorkItem;
    expect(target.org.name).toBe('Sở Y tế');
    classBefore = (await getJson<{ statusClass: string }>(page, `/api/assignments/${target.assignmentId}`)).statusClass;
    const { page: leader } = await e2e.open('leader');
    dashboardBefore = (await getJson<{ byStatus: Record<string, number> }>(leader, '/api/dashboard')).byStatus;

    // Home: the task is listed among the reports to write, with the period's countdown.
    await page.goto('/');
    const due = page.locator('ul[aria-labelledby="home-due"]');
    await due.waitFor();
    // The headline counts down to the period's due day (the demo may run on its own business date).
    expect(await page.getByText(/^Kỳ \d{2}\/\d{4}: (còn \d+ ngày đến hạn gửi báo cáo|hôm nay .* là hạn gửi báo cáo|đã quá hạn gửi báo cáo \d+ ngày)/).count()).toBe(1);
    expect(await due.getByRole('link', { name: new RegExp(`^${target.task.ordinal}\\.`) }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'report-cycle-home-agency');

    await page.goto(`/assignments/${target.assignmentId}`);
    await page.getByText('Năm rõ', { exact: true }).waitFor();
    await page.getByText('Rõ sản phẩm').waitFor();
    const results = page.getByLabel('Kết quả thực hiện');
    await results.fill(firstText);
    await page.getByLabel('Tiến độ, số phần trăm').fill('65');
    await waitForSaved(page);
    const saved = await reportOf(page, target.assignmentId);
    expect(saved.state).toBe('draft');
    expect(saved.results).toBe(firstText);
    expect(saved.progress).toBe(65);

    // Evidence: a document number and an uploaded file (with its progress bar), kept on the report.
    await page.getByLabel('Số, ký hiệu văn bản').fill('45/BC-SYT');
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'bien-ban-hoi-nghi.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 biên bản hội nghị') });
    await page.getByText('Đã tải lên: bien-ban-hoi-nghi.pdf').waitFor();
    await page.getByRole('button', { name: 'Thêm bằng chứng' }).click();
    await page.getByText('Văn bản số 45/BC-SYT').waitFor();
    const withEvidence = await getJson<{ evidence: { docNumber: string | null; fileId: number | null }[] }>(page, `/api/assignments/${target.assignmentId}/report`);
    expect(withEvidence.evidence).toEqual([expect.objectContaining({ docNumber: '45/BC-SYT', fileId: expect.any(Number) })]);

    // Staff cannot send: the reason is shown, and there is no send button.
    await page.getByText('Chỉ lãnh đạo cơ quan gửi được báo cáo').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi báo cáo' }).count()).toBe(0);

    await page.reload();
    await expect.poll(() => page.getByLabel('Kết quả thực hiện').inputValue()).toBe(firstText);
    expect(await page.getByLabel('Tiến độ, số phần trăm').inputValue()).toBe('65');

    // Text typed and reloaded before the autosave fires is kept in the browser and restored.
    await page.getByLabel('Kết quả thực hiện').fill(`${firstText} Đang soạn tiếp`);
    await page.reload();
    await page.getByText('Đã khôi phục nội dung chưa lưu từ máy này.').waitFor();
    expect(await page.getByLabel('Kết quả thực hiện').inputValue()).toBe(`${firstText} Đang soạn tiếp`);
    await waitForSaved(page);
    expect((await reportOf(page, target.assignmentId)).results).toBe(`${firstText} Đang soạn tiếp`);
    // Back to the text the rest of the journey expects.
    await page.getByLabel('Kết quả thực hiện').fill(firstText);
    await waitForSaved(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'report-cycle-form-desk');
  });

  it('refuses an agency user the assignment of another agency (URL tampering)', async () => {
    const { page: coordinator } = await e2e.open('coordinator');
    const all = await getJson<{ items: WorkItem[] }>(coordinator, '/api/worklist/period');
    const foreign = all.items.find((i) => i.org.name === 'Sở Nội vụ');
    expect(foreign).toBeTruthy();
    const { page } = await e2e.open('agency.staff');
    await page.goto(`/assignments/${foreign?.assignmentId}`);
    await page.getByText('Bạn không có quyền xem nội dung này.').waitFor();
    // Nothing of the task leaked onto the page.
    expect(await page.getByText(foreign?.task.title ?? '-').count()).toBe(0);
    expect(await page.getByLabel('Kết quả thực hiện').count()).toBe(0);
  });

  it('the agency leader sends the draft', async () => {
    const { page } = await e2e.open('agency.leader');
    await page.goto('/');
    // The draft waits for the leader on the home page.
    await page.locator('ul[aria-labelledby="home-drafts"]').getByRole('link', { name: new RegExp(`^${target.task.ordinal}\\.`) }).click();
    await page.waitForURL(new RegExp(`/assignments/${target.assignmentId}$`));
    await expect.poll(() => page.getByLabel('Kết quả thực hiện').inputValue()).toBe(firstText);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText(/Báo cáo đã gửi lúc .*, đang chờ thẩm định\./).waitFor();
    const sent = await reportOf(page, target.assignmentId);
    expect(sent.state).toBe('submitted');
    expect(sent.results).toBe(firstText);
  });

  it('the coordinator returns it with a comment (required)', async () => {
    const { page } = await e2e.open('coordinator');
    await page.goto('/');
    await page.getByRole('link', { name: /Báo cáo chờ thẩm định/ }).click();
    await page.waitForURL(/\/review$/);
    const returnButton = page.getByRole('button', { name: `Trả lại báo cáo kỳ ${PERIOD} nhiệm vụ ${target.task.ordinal} của Sở Y tế` });
    await returnButton.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'report-cycle-review-queue');
    await returnButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Cần ghi ý kiến').waitFor();
    await dialog.getByLabel(/Ý kiến, yêu cầu bổ sung/).fill(comment);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => returnButton.count()).toBe(0);
    const returned = await reportOf(page, target.assignmentId);
    expect(returned.state).toBe('returned');
    expect(returned.reviewComment).toBe(comment);
    expect(returned.returnCount).toBe(1);
  });

  it('the agency sees it returned, corrects it and the leader resends', async () => {
    const { page: staff } = await e2e.open('agency.staff');
    await staff.goto('/');
    const returnedList = staff.locator('ul[aria-labelledby="home-returned"]');
    await returnedList.getByText(comment).waitFor();
    await returnedList.getByRole('link', { name: new RegExp(`^${target.task.ordinal}\\.`) }).click();
    await staff.getByText('Báo cáo bị trả lại. Ý kiến của cơ quan theo dõi:').waitFor();
    await staff.getByText(comment).waitFor();
    await expect.poll(() => staff.getByLabel('Kết quả thực hiện').inputValue()).toBe(firstText);
    await staff.getByLabel('Kết quả thực hiện').fill(firstText + correction);
    await waitForSaved(staff);
    const corrected = await reportOf(staff, target.assignmentId);
    expect(corrected.state).toBe('returned');
    expect(corrected.results).toBe(firstText + correction);

    const { page: leader } = await e2e.open('agency.leader');
    await leader.goto(`/reports?state=returned`);
    await leader.getByRole('link', { name: new RegExp(`^${target.task.ordinal}\\.`) }).first().click();
    await expect.poll(() => leader.getByLabel('Kết quả thực hiện').inputValue()).toBe(firstText + correction);
    await leader.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await leader.locator('.ant-popconfirm').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await leader.getByText(/đang chờ thẩm định/).waitFor();
    const resent = await reportOf(leader, target.assignmentId);
    expect(resent.state).toBe('submitted');
    expect(resent.returnCount).toBe(1);
  });

  it('the coordinator accepts it; the agency sees it accepted after a reload', async () => {
    const { page } = await e2e.open('coordinator');
    await page.goto('/review');
    const accept = page.getByRole('button', { name: `Chấp nhận báo cáo kỳ ${PERIOD} nhiệm vụ ${target.task.ordinal} của Sở Y tế` });
    await accept.click();
    await expect.poll(() => accept.count()).toBe(0);
    expect((await reportOf(page, target.assignmentId)).state).toBe('accepted');
    await page.goto('/');
    await page.getByText('Cơ quan chưa gửi báo cáo kỳ này').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'report-cycle-home-coordinator');

    const { page: staff } = await e2e.open('agency.staff');
    await staff.goto(`/reports?state=accepted`);
    await staff.getByRole('link', { name: new RegExp(`^${target.task.ordinal}\\.`) }).first().waitFor();
    await staff.goto(`/assignments/${target.assignmentId}`);
    await staff.getByText(/Báo cáo đã được chấp nhận lúc/).waitFor();
    // Accepted reports are read-only: the text, no field to edit.
    await staff.getByText(firstText + correction).waitFor();
    expect(await staff.getByLabel('Kết quả thực hiện').count()).toBe(0);
  });

  it("moves the leader's dashboard the way the assignment's status moved", async () => {
    const { page } = await e2e.open('leader');
    const classAfter = (await getJson<{ statusClass: string }>(page, `/api/assignments/${target.assignmentId}`)).statusClass;
    // A first report takes an assignment out of "not started"; whatever moved, the cards must follow exactly.
    if (classBefore === 'not_started') expect(classAfter).not.toBe('not_started');
    const expected = { ...dashboardBefore };
    expected[classBefore] = (expected[classBefore] ?? 0) - 1;
    expected[classAfter] = (expected[classAfter] ?? 0) + 1;
    await page.goto('/dashboard');
    for (const cls of new Set([classBefore, classAfter, 'overdue'])) {
      expect(await cardNumber(page, STATUS_LABELS[cls] ?? cls), cls).toBe(expected[cls]);
    }
  });

  it('fits the report form on a phone', async () => {
    const work = await (async () => {
      const { page } = await e2e.open('agency.staff');
      return getJson<{ items: WorkItem[] }>(page, '/api/worklist/period');
    })();
    const other = work.items.find((i) => i.reportState === 'not_started' && i.assignmentId !== target.assignmentId);
    const { page } = await e2e.open('agency.staff', PHONE);
    await page.goto(`/assignments/${other?.assignmentId}`);
    await page.getByLabel('Kết quả thực hiện').waitFor();
    await page.getByLabel('Kết quả thực hiện').fill('Đang triển khai theo kế hoạch.');
    await waitForSaved(page);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'report-cycle-form-phone');
  });
});
