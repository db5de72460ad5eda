import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Activity,
  ChangeHoldersBody,
  CreateActivityBody,
  ListActivitiesQuery,
  UpdateActivityBody,
} from '../../../modules/activities/contract';
import type { MemberOption } from '../../../modules/members/contract';
import type { Page } from '../../../platform/http/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type ActivityData = Wire<Activity>;
export type ActivityFilters = Partial<ListActivitiesQuery>;

export const ACTIVITIES_QUERY_KEY = ['activities'] as const;

/** GET /api/activities: a page of the activities the person may see. */
export function useActivities(filters: ActivityFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...ACTIVITIES_QUERY_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<Page<ActivityData>>('/api/activities', { query: filters, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The activities for a picker (100 at most, which covers a member's or a coop's open ones). */
export function useActivityOptions(options: { status?: ListActivitiesQuery['status']; enabled?: boolean } = {}) {
  return useActivities({ pageSize: 100, status: options.status }, { enabled: options.enabled });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: [...ACTIVITIES_QUERY_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<ActivityData>(`/api/activities/${id}`, { signal }),
  });
}

function useActivityMutation<Body>(request: (body: Body) => Promise<ActivityData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (activity) => {
      queryClient.setQueryData([...ACTIVITIES_QUERY_KEY, 'detail', activity.id], activity);
      void queryClient.invalidateQueries({ queryKey: [...ACTIVITIES_QUERY_KEY, 'list'] });
    },
  });
}

export const useCreateActivity = () =>
  useActivityMutation((body: CreateActivityBody) => api.post<ActivityData>('/api/activities', body));

export const useUpdateActivity = (id: string) =>
  useActivityMutation((body: UpdateActivityBody) => api.patch<ActivityData>(`/api/activities/${id}`, body));

export const useChangeHolders = (id: string) =>
  useActivityMutation((body: ChangeHoldersBody) => api.put<ActivityData>(`/api/activities/${id}/holders`, body));

/** GET /api/members/options: every member of the coop, for the holders picker (advisors only). */
export function useMemberOptions(enabled = true) {
  return useQuery({
    queryKey: ['members', 'options'],
    queryFn: ({ signal }) => api.get<Wire<MemberOption>[]>('/api/members/options', { signal }),
    staleTime: 60_000,
    enabled,
  });
}
