import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftKey, readLocalDraft } from './draftStorage.ts';
import type { ReportDraft } from './types.ts';
import { useAutosave } from './useAutosave.ts';

const base: ReportDraft = { results: 'Kết quả kỳ trước', progress: 40, obstacles: '', proposals: '', responsiblePerson: '' };
const key = draftKey(7, '2026-11');

describe('useAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  function setup(save: (v: ReportDraft) => Promise<void>) {
    const hook = renderHook(({ values }: { values: ReportDraft | null }) => useAutosave({ values, storageKey: key, enabled: true, save, delayMs: 1000 }), {
      initialProps: { values: null as ReportDraft | null },
    });
    act(() => hook.result.current.setBaseline(base));
    return hook;
  }

  it('saves once, a moment after the typing stops, with the latest text; the browser copy goes once saved', async () => {
    const save = vi.fn(async () => undefined);
    const hook = setup(save);
    hook.rerender({ values: { ...base, results: 'Đã' } });
    await act(async () => vi.advanceTimersByTime(400));
    hook.rerender({ values: { ...base, results: 'Đã tổ chức' } });
    await act(async () => vi.advanceTimersByTime(400));
    hook.rerender({ values: { ...base, results: 'Đã tổ chức hội nghị' } });
    // Kept in the browser at once, before any save.
    expect(readLocalDraft(key)?.results).toBe('Đã tổ chức hội nghị');
    expect(save).not.toHaveBeenCalled();
    expect(hook.result.current.status).toBe('pending');
    await act(async () => vi.advanceTimersByTime(1000));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ ...base, results: 'Đã tổ chức hội nghị' });
    expect(hook.result.current.status).toBe('saved');
    expect(readLocalDraft(key)).toBeNull();
  });

  it('keeps the text in the browser when the server refuses (an expired session) and says so', async () => {
    const save = vi.fn(async () => {
      throw new Error('401');
    });
    const hook = setup(save);
    hook.rerender({ values: { ...base, results: 'Nội dung chưa lưu' } });
    await act(async () => vi.advanceTimersByTime(1000));
    expect(save).toHaveBeenCalledTimes(1);
    expect(hook.result.current.status).toBe('error');
    expect(readLocalDraft(key)?.results).toBe('Nội dung chưa lưu');
  });

  it('does not send a progress outside 0–100, nor values equal to what the server holds', async () => {
    const save = vi.fn(async () => undefined);
    const hook = setup(save);
    hook.rerender({ values: { ...base, progress: 150 } });
    await act(async () => vi.advanceTimersByTime(2000));
    expect(save).not.toHaveBeenCalled();
    hook.rerender({ values: { ...base } });
    await act(async () => vi.advanceTimersByTime(2000));
    expect(save).not.toHaveBeenCalled();
    hook.rerender({ values: { ...base, progress: 100 } });
    await act(async () => vi.advanceTimersByTime(1000));
    expect(save).toHaveBeenCalledWith({ ...base, progress: 100 });
  });

  it('flush saves at once without waiting for the pause', async () => {
    const save = vi.fn(async () => undefined);
    const hook = setup(save);
    hook.rerender({ values: { ...base, obstacles: 'Thiếu kinh phí' } });
    await act(async () => hook.result.current.flush());
    expect(save).toHaveBeenCalledTimes(1);
    await act(async () => vi.advanceTimersByTime(2000));
    expect(save).toHaveBeenCalledTimes(1);
  });
});
