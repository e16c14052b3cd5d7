import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { SettingEntry, SettingKey, SettingValue } from './types.ts';

export const SETTINGS_KEY = ['settings'] as const;

export function useSettings() {
  const query = useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => api.get<SettingEntry[]>('/api/settings', undefined, signal) });
  const get = <K extends SettingKey>(key: K): SettingEntry<K> | undefined => query.data?.find((s): s is SettingEntry<K> => s.key === key);
  return { ...query, get };
}

/** Saves changed keys one by one (each is validated and audited on its own); stops at the first refusal. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: { key: SettingKey; value: SettingValue<SettingKey> }[]) => {
      for (const c of changes) {
        try {
          await api.put(`/api/settings/${c.key}`, { value: c.value });
        } catch (err) {
          throw Object.assign(err as Error, { settingKey: c.key });
        }
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: SETTINGS_KEY }),
  });
}
