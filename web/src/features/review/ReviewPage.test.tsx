import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY, SessionProvider } from '../../auth/session.tsx';
import { LocaleProvider } from '../../i18n/index.tsx';
import { reviewItem } from './reviewItem.fixture.ts';
import ReviewPage from './ReviewPage.tsx';

const coordinator = { id: 3, username: 'coordinator', fullName: 'Điều phối', email: null, title: null, phone: null, orgId: 2, role: 'coordinator', active: true, locale: 'vi', mailMode: 'digest', lastLoginAt: null, lockedUntil: null };


/** A stand-in for the two worklist answers: the oldest `shown` reports, and how many wait in all. */
function fakeServer(shown: number, waiting: number) {
  const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      if (url.startsWith('/api/worklist/review-queue')) return json(Array.from({ length: shown }, (_, i) => reviewItem(i + 1)));
      if (url.startsWith('/api/worklist/coordination')) return json({ today: '2026-11-23', reviewQueue: waiting, missing: [], extensions: [], completions: [] });
      return Promise.resolve(new Response('{}', { status: 404 }));
    }),
  );
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(SESSION_KEY, { user: coordinator, csrfToken: 'x', today: '2026-11-23' });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider>
        <MemoryRouter initialEntries={['/review']}>
          <LocaleProvider>
            <App>
              <ReviewPage />
            </App>
          </LocaleProvider>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

describe('ReviewPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts every report waiting and says when the desk lists only the oldest', async () => {
    fakeServer(3, 250);
    renderPage();
    expect(await screen.findByText('Đang hiện 3 báo cáo gửi sớm nhất trong tổng số 250 báo cáo chờ thẩm định; xử lý xong sẽ hiện tiếp các báo cáo còn lại.')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Báo cáo chờ thẩm định/ }).textContent).toContain('250');
  });

  it('says nothing more when every waiting report is listed', async () => {
    fakeServer(3, 3);
    renderPage();
    expect(await screen.findByText('Kết quả 3')).toBeTruthy();
    expect(screen.queryByText(/gửi sớm nhất/)).toBeNull();
    expect(screen.getByRole('tab', { name: /Báo cáo chờ thẩm định/ }).textContent).toContain('3');
  });
});
