import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/index.tsx';
import { OrgSelect } from './OrgSelect.tsx';

const ORGS = [
  { id: 7, code: 'SYT', name: 'Sở Y tế', kind: 'department' },
  { id: 8, code: 'SNV', name: 'Sở Nội vụ', kind: 'department' },
  { id: 9, code: 'TTYT', name: 'Trung tâm Y tế huyện', kind: 'centre' },
];
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();

/** A stand-in for GET /api/orgs: accent-insensitive search on names, like the server. */
function fakeServer() {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const q = new URL(url, 'http://x').searchParams.get('q') ?? '';
      asked.push(q);
      const items = ORGS.filter((o) => fold(o.name).includes(fold(q))).map((o) => ({ ...o, shortName: null, parentId: null, validFrom: null, validTo: null, memberKinds: null, email: null, position: 0, active: true }));
      return Promise.resolve(new Response(JSON.stringify({ items, total: items.length, page: 1, pageSize: 20 }), { status: 200, headers: { 'content-type': 'application/json' } }));
    }),
  );
  return asked;
}

function renderSelect(props: Partial<React.ComponentProps<typeof OrgSelect>> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LocaleProvider>
        <OrgSelect aria-label="Cơ quan" {...props} />
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

describe('OrgSelect', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks the server with what was typed (accents optional) and hands back the picked org', async () => {
    const asked = fakeServer();
    const onChange = vi.fn();
    renderSelect({ onChange });
    const box = screen.getByRole('combobox', { name: 'Cơ quan' });
    fireEvent.mouseDown(box);
    fireEvent.change(box, { target: { value: 'y te' } });
    // Typing is debounced: one request after the pause, not one per letter.
    await act(() => vi.advanceTimersByTimeAsync(300));
    await waitFor(() => expect(asked).toContain('y te'));
    const option = await screen.findByText('Trung tâm Y tế huyện');
    expect(screen.getByText('Sở Y tế')).toBeTruthy();
    expect(screen.queryByText('Sở Nội vụ')).toBeNull();
    fireEvent.click(option);
    expect(onChange).toHaveBeenCalledWith(9, { id: 9, name: 'Trung tâm Y tế huyện', kind: 'centre' });
  }, 60_000);

  it('shows the current value by its name before any search, and never offers the excluded org', async () => {
    fakeServer();
    renderSelect({ value: 42, valueLabel: 'Sở Khoa học và Công nghệ', excludeId: 8 });
    expect(screen.getByText('Sở Khoa học và Công nghệ')).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Cơ quan' }));
    await screen.findByText('Sở Y tế');
    expect(screen.queryByText('Sở Nội vụ')).toBeNull();
  }, 60_000);
});
