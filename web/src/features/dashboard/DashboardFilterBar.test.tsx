import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../auth/session.tsx';
import { LocaleProvider } from '../../i18n/index.tsx';
import { DashboardFilterBar } from './DashboardFilterBar.tsx';
import { filtersFromSearch, filtersToSearch, taskListLink, withFilter } from './filters.ts';
import type { DashboardOptions } from './types.ts';
import { useDashboardFilters } from './useDashboardFilters.ts';

const OPTIONS: DashboardOptions = {
  directives: [
    { id: 1, number: '726/KH-UBND', title: 'Kế hoạch thực hiện Nghị quyết 57', coordinatorOrgId: 18, indicators: 44 },
    { id: 2, number: '45/TB-UBND', title: 'Kết luận của Chủ tịch UBND tỉnh', coordinatorOrgId: 3, indicators: 0 },
  ],
  agencies: [
    { id: 21, name: 'Sở Y tế' },
    { id: 22, name: 'Sở Nội vụ' },
  ],
  workingGroups: [],
  fields: ['Y tế'],
};
const ME = {
  user: { id: 4, username: 'leader', fullName: 'Lê Văn Lãnh Đạo', email: null, title: null, phone: null, orgId: 1, role: 'leader', active: true, locale: 'vi', mailMode: 'instant', lastLoginAt: null, lockedUntil: null },
  csrfToken: 'x',
  today: '2025-11-10',
};
const SECTIONS = [{ id: 5, directiveId: 1, parentId: null, code: 'I', title: 'Nâng cao nhận thức', position: 0 }];

function fakeServer() {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const body = url.startsWith('/api/dashboard/options') ? OPTIONS : url.startsWith('/api/directives/1/sections') ? SECTIONS : url.startsWith('/api/me') ? ME : [];
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
    }),
  );
}

/** The bar wired to the URL exactly as the page wires it, with the address shown for the test to read. */
function Harness() {
  const [filters, change, clear] = useDashboardFilters();
  const location = useLocation();
  return (
    <>
      <DashboardFilterBar filters={filters} onChange={change} onClear={clear} />
      <output data-testid="search">{location.search}</output>
    </>
  );
}

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LocaleProvider>
        <SessionProvider>
          <App>
            <MemoryRouter initialEntries={[url]}>
              <Harness />
            </MemoryRouter>
          </App>
        </SessionProvider>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

const search = () => screen.getByTestId('search').textContent ?? '';

/** jsdom answers every media query with "no": the bar is in its phone form, folded behind one button. */
function openFilters() {
  fireEvent.click(screen.getByRole('button', { name: /^Lọc/ }));
}

describe('the dashboard filters in the URL', () => {
  it('reads valid filters and drops what the server would refuse', () => {
    expect(filtersFromSearch(new URLSearchParams('directiveId=1&sectionId=5&orgId=21&period=2025-06&field=Y%20t%E1%BA%BF'))).toEqual({ directiveId: 1, sectionId: 5, orgId: 21, period: '2025-06', field: 'Y tế' });
    expect(filtersFromSearch(new URLSearchParams('directiveId=abc&orgId=-3&period=2025-13&workingGroupId=0'))).toEqual({});
    // A section without its directive means nothing.
    expect(filtersFromSearch(new URLSearchParams('sectionId=5'))).toEqual({});
  });

  it('writes them back in a stable order and forgets the section when the directive changes', () => {
    expect(filtersToSearch({ period: '2025-06', orgId: 21, directiveId: 1 }).toString()).toBe('directiveId=1&orgId=21&period=2025-06');
    expect(withFilter({ directiveId: 1, sectionId: 5, orgId: 21 }, { directiveId: 2 })).toEqual({ directiveId: 2, orgId: 21 });
    expect(withFilter({ directiveId: 1, sectionId: 5 }, { orgId: 22 })).toEqual({ directiveId: 1, sectionId: 5, orgId: 22 });
    expect(withFilter({ directiveId: 1, period: '2025-06' }, { period: undefined })).toEqual({ directiveId: 1 });
  });

  it('drills down to the task list with the names it reads', () => {
    expect(taskListLink({ directiveId: 1, sectionId: 5, period: '2025-06' }, { statusClass: 'overdue' })).toBe('/tasks?directiveId=1&sectionId=5&statusClass=overdue');
    expect(taskListLink({ field: 'Y tế' }, { orgId: 21, statusClass: 'completed_late' })).toBe('/tasks?orgId=21&role=lead&statusClass=completed_late&field=Y+t%E1%BA%BF');
    // Another directive's bar keeps the dashboard's section out of its link.
    expect(taskListLink({ directiveId: 1, sectionId: 5 }, { directiveId: 2 })).toBe('/tasks?directiveId=2');
  });
});

describe('DashboardFilterBar', () => {
  beforeEach(fakeServer);
  afterEach(() => vi.unstubAllGlobals());

  it('shows the filters of a shared link and offers the section of its directive', async () => {
    renderAt('/dashboard?directiveId=1&orgId=21');
    expect(screen.getByRole('button', { name: 'Lọc (2)' })).toBeTruthy();
    openFilters();
    await screen.findByText('726/KH-UBND — Kế hoạch thực hiện Nghị quyết 57');
    expect(screen.getByText('Sở Y tế')).toBeTruthy();
    expect(screen.getByLabelText('Mục')).toBeTruthy();
    // Only filters with something to choose are shown: there are no working groups.
    expect(screen.queryByLabelText('Tổ công tác')).toBeNull();
    expect(screen.getByLabelText('Lĩnh vực')).toBeTruthy();
  });

  it('writes a choice to the URL, and clears every filter at once', async () => {
    renderAt('/dashboard?period=2025-06');
    openFilters();
    const agency = await screen.findByLabelText('Cơ quan chủ trì', { selector: 'input' });
    fireEvent.mouseDown(agency);
    fireEvent.click(await screen.findByText('Sở Nội vụ'));
    await waitFor(() => expect(search()).toBe('?orgId=22&period=2025-06'));

    const directive = screen.getByLabelText('Văn bản', { selector: 'input' });
    fireEvent.mouseDown(directive);
    fireEvent.click(await screen.findByText('726/KH-UBND — Kế hoạch thực hiện Nghị quyết 57'));
    await waitFor(() => expect(search()).toBe('?directiveId=1&orgId=22&period=2025-06'));

    fireEvent.click(screen.getByRole('button', { name: 'Xóa bộ lọc' }));
    await waitFor(() => expect(search()).toBe(''));
    expect((screen.getByRole('button', { name: 'Xóa bộ lọc' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
