import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { changeFilters, readTaskListState, writeTaskListState, type TaskFilters, type TaskListState, type TaskSort } from './taskFilters.ts';

/** The task list's state, read from and written to the URL (so reloads and links keep it). */
export function useTaskListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readTaskListState(params), [params]);
  const apply = useCallback((next: TaskListState) => setParams(writeTaskListState(next)), [setParams]);
  return {
    state,
    setFilters: useCallback((change: Partial<TaskFilters>) => apply(changeFilters(state, change)), [apply, state]),
    setSort: useCallback((sort: TaskSort) => apply({ ...state, sort, page: 1 }), [apply, state]),
    setPage: useCallback((page: number) => apply({ ...state, page }), [apply, state]),
    clear: useCallback(() => apply({ sort: state.sort, page: 1 }), [apply, state.sort]),
  };
}
