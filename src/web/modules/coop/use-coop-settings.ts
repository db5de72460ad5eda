import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoopSettings, UpdateCoopSettings } from '../../../modules/coops/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type CoopSettingsData = Wire<CoopSettings>;

export const COOP_SETTINGS_QUERY_KEY = ['coop', 'settings'] as const;

/** GET /api/coop: the settings of the current cooperative (every role may read them). */
export function useCoopSettings() {
  return useQuery({ queryKey: COOP_SETTINGS_QUERY_KEY, queryFn: () => api.get<CoopSettingsData>('/api/coop') });
}

/** PATCH /api/coop (admins). */
export function useUpdateCoopSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateCoopSettings) => api.patch<CoopSettingsData>('/api/coop', patch),
    onSuccess: (settings) => {
      queryClient.setQueryData(COOP_SETTINGS_QUERY_KEY, settings);
      // The coop's name shows in the header and the coop switcher.
      void queryClient.invalidateQueries({ queryKey: ['auth', 'session'] });
    },
  });
}
