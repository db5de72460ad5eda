import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../modules/dashboard/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type DashboardData = Wire<Dashboard>;

export const DASHBOARD_QUERY_KEY = ['dashboard'] as const;

/** GET /api/dashboard: the sections the signed-in person's roles open. */
export function useDashboard() {
  return useQuery({ queryKey: DASHBOARD_QUERY_KEY, queryFn: () => api.get<DashboardData>('/api/dashboard') });
}
