import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload } from '../../api/client.ts';
import type { ImportJob, ImportPreview, ImportResult } from './types.ts';

export const importKey = (id: number) => ['imports', id] as const;

export function useImportJob(id: number) {
  return useQuery({ queryKey: importKey(id), queryFn: ({ signal }) => api.get<ImportJob>(`/api/imports/${id}`, undefined, signal), staleTime: Infinity });
}

/** A file goes up with progress; pasted text as JSON. Either way the answer is the job with its preview. */
export function useStartImport(onProgress: (percent: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File } | { text: string }) => {
      if ('text' in input) return api.post<ImportJob>('/api/imports', { text: input.text });
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      return upload<ImportJob>('/api/imports', form, onProgress);
    },
    onSuccess: (job) => queryClient.setQueryData(importKey(job.id), job),
  });
}

export function useSaveImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preview: ImportPreview) => api.put<ImportJob>(`/api/imports/${id}`, preview),
    onSuccess: (job) => queryClient.setQueryData(importKey(id), job),
  });
}

export function useConfirmImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ImportResult>(`/api/imports/${id}/confirm`),
    onSuccess: async () => {
      // The directive, its tasks and everything counted from them changed.
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

export function useDiscardImport(id: number) {
  return useMutation({ mutationFn: () => api.delete<void>(`/api/imports/${id}`) });
}
