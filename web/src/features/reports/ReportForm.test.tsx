import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../api/types.ts';
import { LocaleProvider } from '../../i18n/index.tsx';
import { draftKey, readLocalDraft, writeLocalDraft } from './draftStorage.ts';
import { ReportForm } from './ReportForm.tsx';

const report: Report = {
  id: 11,
  assignmentId: 5,
  period: { id: 3, label: '2026-11', dueOn: '2026-11-18', meetingOn: '2026-11-23' },
  state: 'draft',
  results: 'Kết quả trên máy chủ',
  progress: 40,
  obstacles: null,
  proposals: null,
  responsiblePerson: null,
  late: false,
  returnCount: 0,
  submittedAt: null,
  reviewedAt: null,
  reviewComment: null,
  prefilledFrom: null,
  evidence: [],
  task: { id: 1, ordinal: '17', title: 'Số hóa hồ sơ' },
  org: { id: 21, name: 'Sở Y tế' },
};

function renderForm(overrides: Partial<Report> = {}, canSubmit = false) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LocaleProvider>
        <App>
          <ReportForm assignmentId={5} report={{ ...report, ...overrides }} canDraft canSubmit={canSubmit} />
        </App>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

// antd forms are slow to render in jsdom on a busy machine; the default 30 s is tight for the first render.
describe('ReportForm', { timeout: 60_000 }, () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    localStorage.clear();
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (_url, init) => new Response(JSON.stringify({ ...report, results: JSON.parse(String(init?.body ?? '{}')).results ?? '' }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('explains a progress outside 0–100 next to the field and does not send it', async () => {
    renderForm();
    const progress = screen.getByLabelText('Tiến độ, số phần trăm');
    fireEvent.change(progress, { target: { value: '150' } });
    await screen.findByText('Tiến độ từ 0 đến 100');
    await new Promise((r) => setTimeout(r, 1700));
    expect(fetchMock).not.toHaveBeenCalled();
    // Kept in the browser all the same, so nothing typed is lost.
    expect(readLocalDraft(draftKey(5, '2026-11'))?.progress).toBe(150);
    fireEvent.change(progress, { target: { value: '80' } });
    await waitFor(() => expect(screen.queryByText('Tiến độ từ 0 đến 100')).toBeNull());
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1), { timeout: 3000 });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/assignments/5/report');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toMatchObject({ period: '2026-11', progress: 80, results: 'Kết quả trên máy chủ' });
  });

  it('restores text left unsaved in this browser (a session that expired mid-sentence) and saves it', async () => {
    writeLocalDraft(draftKey(5, '2026-11'), { results: 'Nội dung gõ dở trước khi hết phiên', progress: 55, obstacles: '', proposals: '', responsiblePerson: '' });
    renderForm();
    await screen.findByText('Đã khôi phục nội dung chưa lưu từ máy này.');
    expect((screen.getByLabelText('Kết quả thực hiện') as HTMLTextAreaElement).value).toBe('Nội dung gõ dở trước khi hết phiên');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toMatchObject({ results: 'Nội dung gõ dở trước khi hết phiên', progress: 55 });
    await waitFor(() => expect(readLocalDraft(draftKey(5, '2026-11'))).toBeNull());
  });

  it('ignores a browser copy equal to the server and shows the server text', async () => {
    writeLocalDraft(draftKey(5, '2026-11'), { results: 'Kết quả trên máy chủ', progress: 40, obstacles: '', proposals: '', responsiblePerson: '' });
    renderForm();
    await waitFor(() => expect((screen.getByLabelText('Kết quả thực hiện') as HTMLTextAreaElement).value).toBe('Kết quả trên máy chủ'));
    expect(screen.queryByText('Đã khôi phục nội dung chưa lưu từ máy này.')).toBeNull();
    expect(readLocalDraft(draftKey(5, '2026-11'))).toBeNull();
  });

  it('tells a focal point why there is no send button, and offers it to the leader', () => {
    const { unmount } = renderForm();
    expect(screen.getByText(/Chỉ lãnh đạo cơ quan gửi được báo cáo/)).toBeTruthy();
    expect(screen.queryByText('Gửi báo cáo')).toBeNull();
    unmount();
    renderForm({}, true);
    expect(screen.getByText('Gửi báo cáo').closest('button')).toBeTruthy();
  });

  it('shows a returned report with the reviewer comment, still editable', () => {
    renderForm({ state: 'returned', reviewComment: 'Bổ sung số liệu', returnCount: 1 });
    expect(screen.getByText('Bổ sung số liệu')).toBeTruthy();
    expect((screen.getByLabelText('Kết quả thực hiện') as HTMLTextAreaElement).disabled).toBe(false);
  });

  it('makes a submitted report read-only', () => {
    renderForm({ state: 'submitted', submittedAt: '2026-11-20T03:00:00Z' });
    expect(screen.queryByLabelText('Kết quả thực hiện')).toBeNull();
    expect(screen.getByText('Kết quả trên máy chủ')).toBeTruthy();
    expect(screen.getByText(/đang chờ thẩm định/)).toBeTruthy();
    expect(screen.queryByText('Lưu nháp')).toBeNull();
  });
});
