import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/index.tsx';
import { mapOrgName, mappingOf, missingBeforeConfirm, nameKey, unresolvedNames, updateSection, updateTask } from './previewEdits.ts';
import { TaskDrawer } from './TaskDrawer.tsx';
import { TaskTable } from './TaskTable.tsx';
import type { ImportPreview, PreviewOrg, PreviewTask } from './types.ts';

const known = (text: string, id: number): PreviewOrg => ({ text, orgId: id, orgName: text, external: false, collective: false, members: 1, replaced: null });
const unknown = (text: string): PreviewOrg => ({ text, orgId: null, orgName: null, external: false, collective: false, members: 0, replaced: null });
const task = (ordinal: string, title: string, leads: PreviewOrg[], coordinators: PreviewOrg[] = [], section: string | null = 'I'): PreviewTask => ({
  ordinal,
  section,
  title,
  leads,
  coordinators,
  product: null,
  deadline: { text: '6/2025', dueOn: '2025-06-30', precision: 'month', ongoing: false, annual: false, condition: null },
  source: `${ordinal}. ${title}`,
  confidence: 0.9,
});

function preview(): ImportPreview {
  return {
    directive: { number: '726/KH-UBND', kind: 'plan', issuedOn: '2025-02-20', issuer: 'UBND tỉnh', signer: null, title: 'Kế hoạch', implements: [], reportingDay: 18, meetingDay: 23 },
    sections: [{ code: 'I', title: 'Nhận thức' }, { code: 'II', title: 'Thể chế' }],
    tasks: [
      task('1', 'Tuyên truyền Nghị quyết 57', [known('Sở Khoa học và Công nghệ', 3)], [unknown('Các đơn vị liên quan')]),
      task('2', 'Rà soát thủ tục hành chính', [unknown('các đơn vị liên quan')], [], 'II'),
      task('3', 'Số hóa hồ sơ y tế', [known('Sở Y tế', 7)]),
    ],
    indicators: [{ code: '1', parent: null, name: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', target: { text: '80%', op: '>=', value: 80, value2: null }, horizonYear: 2025, monitors: [unknown('Các đơn vị liên quan'), unknown('Bưu điện xã')] }],
    warnings: [],
    repairs: 0,
    existing: null,
  };
}

describe('preview edits', () => {
  it('groups unknown names as people read them and maps every occurrence at once', () => {
    const p = preview();
    const names = unresolvedNames(p);
    expect(names.map((n) => [n.text, n.count])).toEqual([
      ['Các đơn vị liên quan', 3],
      ['Bưu điện xã', 1],
    ]);
    const mapped = mapOrgName(p, nameKey('CÁC ĐƠN VỊ liên quan'), { id: 11, name: 'Văn phòng UBND tỉnh', kind: 'office' });
    expect(mapped.tasks[0]?.coordinators[0]).toMatchObject({ text: 'Các đơn vị liên quan', orgId: 11, orgName: 'Văn phòng UBND tỉnh' });
    expect(mapped.tasks[1]?.leads[0]).toMatchObject({ text: 'các đơn vị liên quan', orgId: 11 });
    expect(mapped.indicators[0]?.monitors.map((m) => m.orgId)).toEqual([11, null]);
    expect(mappingOf(mapped, names[0]?.key ?? '')).toEqual({ orgId: 11, orgName: 'Văn phòng UBND tỉnh' });
    expect(unresolvedNames(mapped).map((n) => n.text)).toEqual(['Bưu điện xã']);
    // Undone: back to unknown, the text as written untouched; the original preview was never changed.
    const undone = mapOrgName(mapped, names[0]?.key ?? '', null);
    expect(undone.tasks[1]?.leads[0]).toMatchObject({ text: 'các đơn vị liên quan', orgId: null, orgName: null });
    expect(p.tasks[1]?.leads[0]?.orgId).toBeNull();
  });

  it('moves tasks with a renamed section code and leaves other tasks alone', () => {
    const p = updateSection(preview(), 1, { code: 'II.A' });
    expect(p.sections[1]).toEqual({ code: 'II.A', title: 'Thể chế' });
    expect(p.tasks.map((t) => t.section)).toEqual(['I', 'II.A', 'I']);
    expect(updateSection(preview(), 0, { title: 'Nâng cao nhận thức' }).tasks.map((t) => t.section)).toEqual(['I', 'II', 'I']);
  });

  it('edits one task and says what is missing before a confirmation', () => {
    const p = updateTask(preview(), 2, { title: 'Số hóa toàn bộ hồ sơ y tế' });
    expect(p.tasks.map((t) => t.title)).toEqual(['Tuyên truyền Nghị quyết 57', 'Rà soát thủ tục hành chính', 'Số hóa toàn bộ hồ sơ y tế']);
    expect(updateTask(p, 9, { title: 'x' })).toBe(p);
    expect(missingBeforeConfirm(p)).toEqual([]);
    expect(missingBeforeConfirm({ ...p, directive: { ...p.directive, kind: null, title: '  ' } })).toEqual(['kind', 'title']);
  });
});

/** The review screen's task table and drawer wired the way ReviewStep wires them. */
function Harness({ onChange }: { onChange: (p: ImportPreview) => void }) {
  const [draft, setDraft] = useState(preview);
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <>
      <TaskTable tasks={draft.tasks} errorRows={new Set()} onEdit={setEditing} />
      <TaskDrawer
        task={editing === null ? null : (draft.tasks[editing] ?? null)}
        sections={draft.sections}
        errors={[]}
        onClose={() => setEditing(null)}
        onSave={(next) => {
          if (editing === null) return;
          const updated = updateTask(draft, editing, next);
          setDraft(updated);
          onChange(updated);
          setEditing(null);
        }}
      />
    </>
  );
}

describe('task table and drawer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('filters the tasks worth checking, edits one title in its drawer and keeps the rest', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 20 }), { status: 200 }))));
    const onChange = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <LocaleProvider>
          <Harness onChange={onChange} />
        </LocaleProvider>
      </QueryClientProvider>,
    );
    // Tasks 1 and 2 name an unknown agency: "to check" shows just those.
    fireEvent.click(screen.getByText('Cần kiểm tra (2)'));
    expect(screen.queryByText('Số hóa hồ sơ y tế')).toBeNull();
    fireEvent.click(screen.getByText('Tất cả (3)'));

    fireEvent.click(screen.getByRole('button', { name: 'Sửa nhiệm vụ 2' }));
    const drawer = await screen.findByRole('dialog');
    const title = within(drawer).getByLabelText('Nội dung nhiệm vụ');
    expect((title as HTMLTextAreaElement).value).toBe('Rà soát thủ tục hành chính');
    fireEvent.change(title, { target: { value: 'Rà soát, cắt giảm thủ tục hành chính' } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Áp dụng' }));

    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const saved = onChange.mock.calls[0]?.[0] as ImportPreview;
    expect(saved.tasks.map((t) => t.title)).toEqual(['Tuyên truyền Nghị quyết 57', 'Rà soát, cắt giảm thủ tục hành chính', 'Số hóa hồ sơ y tế']);
    // Fields not touched stay as read: the deadline, the agencies as written.
    expect(saved.tasks[1]?.deadline).toEqual(preview().tasks[1]?.deadline);
    expect(saved.tasks[1]?.leads).toEqual(preview().tasks[1]?.leads);
    expect(await screen.findByText('Rà soát, cắt giảm thủ tục hành chính')).toBeTruthy();
  }, 60_000);

  it('refuses an empty title in the drawer', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 20 }), { status: 200 }))));
    const onChange = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <LocaleProvider>
          <Harness onChange={onChange} />
        </LocaleProvider>
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sửa nhiệm vụ 1' }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('Nội dung nhiệm vụ'), { target: { value: '   ' } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Áp dụng' }));
    expect(await within(drawer).findByText('Không được để trống')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  }, 60_000);
});
