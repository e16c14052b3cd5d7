import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/index.tsx';
import type { ReviewQueueItem } from '../reports/types.ts';
import { reviewItem } from './reviewItem.fixture.ts';
import { type BulkResult, ReportQueue } from './ReportQueue.tsx';
import { MemoryRouter } from 'react-router';


const items = [reviewItem(1, '17', 'Sở Y tế'), reviewItem(2, '18', 'Sở Nội vụ'), reviewItem(3, '19', 'Sở Tư pháp')];

function renderQueue(list: ReviewQueueItem[], onAccept = vi.fn(async (ids: readonly number[]): Promise<BulkResult> => ({ accepted: ids.length, failed: [] }))) {
  const onReturn = vi.fn(async () => undefined);
  const ui = (l: ReviewQueueItem[]) => (
    <MemoryRouter>
      <LocaleProvider>
        <App>
          <ReportQueue items={l} onAccept={onAccept} onReturn={onReturn} />
        </App>
      </LocaleProvider>
    </MemoryRouter>
  );
  const view = render(ui(list));
  return { ...view, onAccept, onReturn, rerenderWith: (l: ReviewQueueItem[]) => view.rerender(ui(l)) };
}

const choose = (ordinal: string, org: string) => screen.getByLabelText(`Chọn báo cáo nhiệm vụ ${ordinal} của ${org}`);

describe('ReportQueue bulk selection', { timeout: 60_000 }, () => {
  it('accepts exactly the chosen reports, after a confirmation', async () => {
    const { onAccept } = renderQueue(items);
    const bulk = () => screen.getByText(/^Chấp nhận \d+ báo cáo đã chọn$/).closest('button') as HTMLButtonElement;
    expect(bulk().disabled).toBe(true);
    fireEvent.click(choose('17', 'Sở Y tế'));
    fireEvent.click(choose('19', 'Sở Tư pháp'));
    expect(screen.getByText('Đã chọn 2 báo cáo')).toBeTruthy();
    fireEvent.click(bulk());
    // The confirmation names the count; nothing is sent before it is confirmed.
    await screen.findByText('Chấp nhận 2 báo cáo đã chọn?');
    expect(onAccept).not.toHaveBeenCalled();
    const popover = document.querySelector('.ant-popconfirm') as HTMLElement;
    const ok = [...popover.querySelectorAll('button')].at(-1) as HTMLButtonElement;
    fireEvent.click(ok);
    await waitFor(() => expect(onAccept).toHaveBeenCalledTimes(1));
    expect([...(onAccept.mock.calls[0]?.[0] ?? [])].sort()).toEqual([1, 3]);
    await screen.findByText('Đã chấp nhận 2 báo cáo.');
    expect(screen.getByText('Đã chọn 0 báo cáo')).toBeTruthy();
  });

  it('drops from the selection the reports that left the queue', () => {
    const { rerenderWith } = renderQueue(items);
    fireEvent.click(choose('17', 'Sở Y tế'));
    fireEvent.click(choose('18', 'Sở Nội vụ'));
    expect(screen.getByText('Đã chọn 2 báo cáo')).toBeTruthy();
    // A colleague accepted report 1 meanwhile: the refreshed queue no longer has it.
    rerenderWith([items[1] as ReviewQueueItem, items[2] as ReviewQueueItem]);
    expect(screen.getByText('Đã chọn 1 báo cáo')).toBeTruthy();
  });

  it('lists the reports that could not be accepted with the server’s reason', async () => {
    const onAccept = vi.fn(async (_ids: readonly number[]): Promise<BulkResult> => ({ accepted: 1, failed: [{ id: 2, message: 'Chỉ thẩm định được báo cáo đã gửi.' }] }));
    renderQueue(items, onAccept);
    fireEvent.click(choose('17', 'Sở Y tế'));
    fireEvent.click(choose('18', 'Sở Nội vụ'));
    fireEvent.click(screen.getByText('Chấp nhận 2 báo cáo đã chọn').closest('button') as HTMLButtonElement);
    await screen.findByText('Chấp nhận 2 báo cáo đã chọn?');
    const popover = document.querySelector('.ant-popconfirm') as HTMLElement;
    fireEvent.click([...popover.querySelectorAll('button')].at(-1) as HTMLButtonElement);
    await screen.findByText('Báo cáo #2: Chỉ thẩm định được báo cáo đã gửi.');
  });
});
