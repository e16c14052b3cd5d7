import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Directive, DirectiveDetail, Org, Page } from '../../api/types.ts';
import type { TaskFilterChoices } from './types.ts';

/** Choices of the filters; they change rarely, so they stay cached for the visit. */
const LONG = 10 * 60_000;

export function useDirectiveChoices() {
  return useQuery({ queryKey: ['directives', 'choices'], queryFn: ({ signal }) => api.get<Page<Directive>>('/api/directives', { pageSize: 200 }, signal), staleTime: LONG });
}

export function useDirectiveDetail(id: number | undefined) {
  return useQuery({
    queryKey: ['directive', id],
    queryFn: ({ signal }) => api.get<DirectiveDetail>(`/api/directives/${id ?? 0}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: LONG,
  });
}

export function useOrgChoices() {
  return useQuery({ queryKey: ['orgs', 'choices'], queryFn: ({ signal }) => api.get<Page<Org>>('/api/orgs', { pageSize: 200, sort: 'name' }, signal), staleTime: LONG });
}

export function useTaskFilterChoices() {
  return useQuery({ queryKey: ['task-overview', 'filters'], queryFn: ({ signal }) => api.get<TaskFilterChoices>('/api/task-overview/filters', undefined, signal), staleTime: LONG });
}

/** Lower case without diacritics (đ → d), so "so y te" finds "Sở Y tế" in the choice lists. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

export function foldedFilter(input: string, option?: { label?: unknown }): boolean {
  return typeof option?.label === 'string' && fold(option.label).includes(fold(input));
}
