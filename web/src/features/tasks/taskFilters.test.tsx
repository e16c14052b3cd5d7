import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { changeFilters, exportHref, readTaskListState, writeTaskListState } from './taskFilters.ts';
import { useTaskListState } from './useTaskListState.ts';

const read = (qs: string) => readTaskListState(new URLSearchParams(qs));

describe('task list filters ↔ URL', () => {
  it('reads every filter under the names the dashboard and the search link with', () => {
    const state = read('directiveId=1&sectionId=3&orgId=40&role=lead&statusClass=overdue&deadlineKind=month&workingGroupId=2&field=Y%20t%E1%BA%BF&dueFrom=2025-01-01&dueTo=2025-12-31&q=so%20y%20te&sort=-due_on&page=3');
    expect(state).toEqual({
      directiveId: 1,
      sectionId: 3,
      orgId: 40,
      role: 'lead',
      statusClass: 'overdue',
      deadlineKind: 'month',
      workingGroupId: 2,
      field: 'Y tế',
      dueFrom: '2025-01-01',
      dueTo: '2025-12-31',
      q: 'so y te',
      sort: '-due_on',
      page: 3,
    });
  });

  it('drops malformed values instead of sending a request the server refuses', () => {
    expect(read('directiveId=abc&orgId=-4&statusClass=late&role=owner&dueFrom=31/12/2025&sort=random&page=0&q=%20%20')).toEqual({ sort: 'position', page: 1 });
  });

  it('writes a state back to the same query, leaving the defaults out', () => {
    const qs = 'directiveId=1&orgId=40&role=coordinator&statusClass=due_soon&q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91&sort=title&page=2';
    expect(writeTaskListState(read(qs)).toString()).toBe(qs);
    expect(writeTaskListState({ sort: 'position', page: 1 }).toString()).toBe('');
  });

  it('goes back to page 1 on a change, clears the section with another directive and the role without an agency', () => {
    const state = read('directiveId=1&sectionId=3&orgId=40&role=lead&page=4');
    expect(changeFilters(state, { statusClass: 'overdue' })).toMatchObject({ sectionId: 3, role: 'lead', page: 1, statusClass: 'overdue' });
    expect(changeFilters(state, { directiveId: 2 }).sectionId).toBeUndefined();
    expect(changeFilters(state, { directiveId: 1 }).sectionId).toBe(3);
    const noOrg = changeFilters(state, { orgId: undefined });
    expect(noOrg.role).toBeUndefined();
    expect('orgId' in noOrg).toBe(false);
  });

  it('exports the same filters and order, never the page', () => {
    const state = read('orgId=40&statusClass=overdue&sort=due_on&page=3');
    expect(exportHref(state, false)).toBe('/api/exports/tasks.xlsx?orgId=40&statusClass=overdue&sort=due_on');
    expect(exportHref(state, true)).toBe('/api/exports/tasks.xlsx?orgId=40&statusClass=overdue&sort=due_on&bySection=true');
    expect(exportHref(read(''), false)).toBe('/api/exports/tasks.xlsx');
  });
});

function Probe() {
  const { state, setFilters, setPage } = useTaskListState();
  const location = useLocation();
  return (
    <>
      <output data-testid="search">{location.search}</output>
      <output data-testid="status">{state.statusClass ?? '-'}</output>
      <button onClick={() => setFilters({ statusClass: 'overdue' })}>status</button>
      <button onClick={() => setPage(5)}>page</button>
    </>
  );
}

describe('useTaskListState', () => {
  it('keeps the filters in the URL: a page change keeps them, a filter change resets the page', async () => {
    const router = createMemoryRouter([{ path: '/tasks', element: <Probe /> }], { initialEntries: ['/tasks?orgId=40&q=so%20y%20te'] });
    render(<RouterProvider router={router} />);
    await act(async () => screen.getByText('page').click());
    expect(screen.getByTestId('search').textContent).toBe('?orgId=40&q=so+y+te&page=5');
    await act(async () => screen.getByText('status').click());
    expect(screen.getByTestId('search').textContent).toBe('?orgId=40&statusClass=overdue&q=so+y+te');
    expect(screen.getByTestId('status').textContent).toBe('overdue');
  });
});
