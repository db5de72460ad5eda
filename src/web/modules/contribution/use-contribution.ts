import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityContribution, ActivityContributionSettings, ContributionSettings } from '../../../modules/contribution/contract';
import { api } from '../../lib/api';

const SETTINGS_KEY = ['contribution', 'settings'];
const activityKey = (id: string) => ['contribution', 'activity', id];

/** GET /api/contribution/settings: the coop's floor and ceiling. */
export function useContributionSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => api.get<ContributionSettings>('/api/contribution/settings', { signal }) });
}

export function useSaveContributionSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContributionSettings) => api.put<ContributionSettings>('/api/contribution/settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      void queryClient.invalidateQueries({ queryKey: ['contribution', 'activity'] });
    },
  });
}

/** GET /api/contribution/activities/:id: the activity's rule and its contribution of the current year. */
export function useActivityContribution(activityId: string) {
  return useQuery({ queryKey: activityKey(activityId), queryFn: ({ signal }) => api.get<ActivityContribution>(`/api/contribution/activities/${activityId}`, { signal }) });
}

export function useSaveActivityContribution(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityContributionSettings) => api.put<ActivityContributionSettings>(`/api/contribution/activities/${activityId}/settings`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKey(activityId) }),
  });
}
