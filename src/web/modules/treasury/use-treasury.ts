import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ActivityTreasury,
  CoopTreasuryPage,
  CoopTreasurySort,
  GuaranteeFund,
  MyTreasury,
  TreasuryLineGroup,
  TreasuryMonths,
} from '../../../modules/treasury/contract';
import type { Activity } from '../../../modules/activities/contract';
import type { GeneralLedgerPage } from '../../../modules/ledger/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type ActivityTreasuryData = Wire<ActivityTreasury>;
export type CoopTreasuryData = Wire<CoopTreasuryPage>;
export type CoopTreasuryRowData = CoopTreasuryData['items'][number];
export type TreasuryLinesData = Wire<GeneralLedgerPage>;
export type TreasuryLineData = TreasuryLinesData['items'][number];

/** GET /api/treasury/activities/:id — the activity's figures today (its holders, the team, the accountant). */
export function useActivityTreasury(activityId: string) {
  return useQuery({ queryKey: ['treasury', 'activity', activityId], queryFn: ({ signal }) => api.get<ActivityTreasuryData>(`/api/treasury/activities/${activityId}`, { signal }) });
}

/** GET /api/treasury/activities/:id/months — the last twelve months, for the chart. */
export function useTreasuryMonths(activityId: string) {
  return useQuery({ queryKey: ['treasury', 'months', activityId], queryFn: ({ signal }) => api.get<Wire<TreasuryMonths>>(`/api/treasury/activities/${activityId}/months`, { signal }) });
}

/** GET /api/treasury/activities/:id/lines — the ledger lines behind one figure. */
export function useTreasuryLines(activityId: string, group: TreasuryLineGroup | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['treasury', 'lines', activityId, group, page, pageSize],
    queryFn: ({ signal }) => api.get<TreasuryLinesData>(`/api/treasury/activities/${activityId}/lines`, { query: { group: group!, page: String(page), pageSize: String(pageSize) }, signal }),
    enabled: group !== undefined,
    placeholderData: keepPreviousData,
  });
}

export interface CoopTreasuryFilters {
  page: number;
  pageSize: number;
  sort?: CoopTreasurySort;
  dir?: 'asc' | 'desc';
}

/** GET /api/treasury/activities — every activity's figures, one page, sorted, with the totals. */
export function useCoopTreasury(filters: CoopTreasuryFilters) {
  return useQuery({
    queryKey: ['treasury', 'coop', filters],
    queryFn: ({ signal }) =>
      api.get<CoopTreasuryData>('/api/treasury/activities', {
        query: { page: String(filters.page), pageSize: String(filters.pageSize), ...(filters.sort ? { sort: filters.sort, dir: filters.dir ?? 'asc' } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/treasury/guarantee-fund — the fund as the ledger shows it. */
export function useGuaranteeFund() {
  return useQuery({ queryKey: ['treasury', 'guarantee-fund'], queryFn: ({ signal }) => api.get<Wire<GuaranteeFund>>('/api/treasury/guarantee-fund', { signal }) });
}

/** GET /api/treasury/mine — a member's money, per activity they hold. */
export function useMyTreasury(enabled: boolean) {
  return useQuery({ queryKey: ['treasury', 'mine'], queryFn: ({ signal }) => api.get<Wire<MyTreasury>>('/api/treasury/mine', { signal }), enabled });
}

/** GET /api/activities/:id — the activity's code and name for the treasury page's title (the activities module's own query key). */
export function useActivityName(activityId: string) {
  return useQuery({
    queryKey: ['activities', 'detail', activityId],
    queryFn: ({ signal }) => api.get<Wire<Activity>>(`/api/activities/${activityId}`, { signal }),
  });
}
