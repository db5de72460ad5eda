import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReasonBody, RequestSalaryBody, SalaryListPage, SalaryOverview, SalaryRequest, SalarySettings, SalarySettingsBody, SalarySort, SalaryStatus } from '../../../modules/salaries/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type SalaryRequestData = Wire<SalaryRequest>;

export interface SalaryFilters {
  page?: number;
  pageSize?: number;
  month?: string;
  status?: SalaryStatus;
  activityId?: string;
  sort?: SalarySort;
  dir?: 'asc' | 'desc';
}

export const SALARIES_QUERY_KEY = ['salaries'] as const;

export function useSalarySettings() {
  return useQuery({ queryKey: [...SALARIES_QUERY_KEY, 'settings'], queryFn: ({ signal }) => api.get<SalarySettings>('/api/salaries/settings', { signal }) });
}

export function useUpdateSalarySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SalarySettingsBody) => api.put<SalarySettings>('/api/salaries/settings', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SALARIES_QUERY_KEY }),
  });
}

/** The salary page of one activity: rates, available treasury, pipeline, months that may be asked. */
export function useSalaryOverview(activityId: string | null) {
  return useQuery({
    queryKey: [...SALARIES_QUERY_KEY, 'overview', activityId],
    queryFn: ({ signal }) => api.get<Wire<SalaryOverview>>(`/api/salaries/activities/${activityId}`, { signal }),
    enabled: Boolean(activityId),
  });
}

export function useSalaryRequests(filters: SalaryFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...SALARIES_QUERY_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<Wire<SalaryListPage>>('/api/salaries/requests', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Every change to a salary moves the activity's treasury too. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: SALARIES_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: ['treasury'] });
  };
}

export function useRequestSalary() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: RequestSalaryBody) => api.post<SalaryRequestData>('/api/salaries/requests', body), onSuccess: invalidate });
}

export function useValidateSalary() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<SalaryRequestData>(`/api/salaries/requests/${id}/validate`), onSuccess: invalidate });
}

export function useRefuseSalary() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: ReasonBody }) => api.post<SalaryRequestData>(`/api/salaries/requests/${id}/refuse`, body), onSuccess: invalidate });
}

export function useCancelSalary() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: ReasonBody }) => api.post<SalaryRequestData>(`/api/salaries/requests/${id}/cancel`, body), onSuccess: invalidate });
}
