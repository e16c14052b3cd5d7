import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../i18n/index.tsx';
import { TaskCard } from './TaskCard.tsx';
import type { TaskListItem } from './types.ts';

const base: TaskListItem = {
  id: 27,
  directiveId: 1,
  sectionId: 3,
  parentTaskId: null,
  ordinal: '27',
  position: 26,
  title: 'Số hóa dữ liệu y tế phục vụ thủ tục hành chính',
  description: null,
  product: 'Cơ sở dữ liệu',
  deadlineText: '5/2025',
  deadlineKind: 'month',
  dueOn: '2025-05-31',
  workingGroupId: null,
  field: null,
  statusClass: 'overdue',
  createdAt: '2025-02-20T00:00:00Z',
  updatedAt: '2025-02-20T00:00:00Z',
  leads: [
    { orgId: 9, role: 'lead', nameAsWritten: 'Sở Y Tế', orgName: 'Sở Y tế' },
    { orgId: null, role: 'lead', nameAsWritten: 'Bảo hiểm xã hội tỉnh', orgName: null },
  ],
};

function renderCard(task: TaskListItem, progress: number | null | undefined) {
  return render(
    <LocaleProvider>
      <MemoryRouter>
        <TaskCard task={task} progress={progress} />
      </MemoryRouter>
    </LocaleProvider>,
  );
}

describe('TaskCard', () => {
  it('shows the five facts of a task: number, title linking to it, leads, deadline with its dd/mm/yyyy date, status and progress', () => {
    renderCard(base, 45);
    expect(screen.getByRole('link', { name: base.title }).getAttribute('href')).toBe('/tasks/27');
    // The directory name when the org is known, the document's wording otherwise.
    expect(screen.getByText('Sở Y tế; Bảo hiểm xã hội tỉnh')).toBeTruthy();
    expect(screen.getByText('5/2025')).toBeTruthy();
    expect(screen.getByText('Hạn: 31/05/2025')).toBeTruthy();
    expect(screen.getByText('Quá hạn')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('45');
  });

  it('says so when a task has no lead, no due date and nobody carrying it', () => {
    renderCard({ ...base, leads: [], deadlineText: 'Thường xuyên', deadlineKind: 'ongoing', dueOn: null, statusClass: 'ongoing' }, null);
    expect(screen.getByText('Chưa xác định cơ quan chủ trì')).toBeTruthy();
    expect(screen.getByText('Không có hạn cụ thể')).toBeTruthy();
    expect(screen.getByText('Chưa giao')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('names a deadline the document left out by its kind', () => {
    renderCard({ ...base, deadlineText: null, deadlineKind: 'none', dueOn: null }, undefined);
    expect(screen.getByText('Văn bản không ghi thời hạn')).toBeTruthy();
  });
});
