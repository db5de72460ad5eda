import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../../platform/http/contract';
import type { Account, FiscalYear, GeneralLedgerPage, TrialBalance } from '../../../modules/ledger/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type TrialBalanceData = Wire<TrialBalance>;
export type GeneralLedgerData = Wire<GeneralLedgerPage>;

export interface Period {
  from: string;
  to: string;
}

/** The calendar year of today, the period a ledger page opens on. */
export function currentYear(today = new Date()): Period {
  const year = today.getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Where the browser downloads an export: same origin, the session cookie goes with it. */
export function csvUrl(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  params.set('format', 'csv');
  return `${path}?${params.toString()}`;
}

/** GET /api/ledger/trial-balance (staff, admins). */
export function useTrialBalance(period: Period, enabled: boolean) {
  return useQuery({
    queryKey: ['ledger', 'trial-balance', period],
    queryFn: () => api.get<TrialBalanceData>('/api/ledger/trial-balance', { query: { ...period } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface GeneralLedgerFilters extends Period {
  account?: string;
  activityId?: string;
  page: number;
  pageSize: number;
}

/** GET /api/ledger/general-ledger (staff, admins). */
export function useGeneralLedger(filters: GeneralLedgerFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['ledger', 'general-ledger', filters],
    queryFn: () => api.get<GeneralLedgerData>('/api/ledger/general-ledger', { query: { ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The chart of accounts, for the account filter (it fits one page). */
export function useAccounts() {
  return useQuery({
    queryKey: ['ledger', 'accounts'],
    queryFn: () => api.get<Wire<Page<Account>>>('/api/ledger/accounts', { query: { pageSize: 200 } }),
    staleTime: 60_000,
  });
}

/** GET /api/ledger/fiscal-years: the years an FEC can be asked for. */
export function useFiscalYears(enabled = true) {
  return useQuery({
    queryKey: ['ledger', 'fiscal-years'],
    queryFn: () => api.get<Wire<FiscalYear>[]>('/api/ledger/fiscal-years'),
    staleTime: 60_000,
    enabled,
  });
}

/** Where the browser downloads the FEC of a year (streamed by the server, named by it). */
export const fecUrl = (fiscalYearId: string, separator: 'tab' | 'pipe') => `/api/ledger/fec?${new URLSearchParams({ fiscalYearId, separator }).toString()}`;

/** Where the browser downloads the hledger journal of a period. */
export const hledgerUrl = (period: Period) => `/api/ledger/journal.hledger?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`;
