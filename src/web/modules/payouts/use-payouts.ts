import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BankAccount } from '../../../modules/banking/contract';
import type { BuildBatchBody, PayableView, PayoutBatchDetail, PayoutBatchView, PayoutSettingsView } from '../../../modules/payouts/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const PAYOUTS_QUERY_KEY = ['payouts'] as const;
export type PayableData = Wire<PayableView>;
export type PayoutBatchData = Wire<PayoutBatchView>;
export type PayoutItemData = Wire<PayoutBatchDetail>['items'][number];

export function usePayables() {
  return useQuery({ queryKey: [...PAYOUTS_QUERY_KEY, 'payables'], queryFn: ({ signal }) => api.get<{ items: PayableData[] }>('/api/payouts/payables', { signal }) });
}

export function usePayoutBatches() {
  return useQuery({ queryKey: [...PAYOUTS_QUERY_KEY, 'batches'], queryFn: ({ signal }) => api.get<{ items: PayoutBatchData[] }>('/api/payouts/batches', { signal }) });
}

export function usePayoutBatch(id: string) {
  return useQuery({ queryKey: [...PAYOUTS_QUERY_KEY, 'batches', id], queryFn: ({ signal }) => api.get<Wire<PayoutBatchDetail>>(`/api/payouts/batches/${id}`, { signal }) });
}

export function usePayoutBankAccounts() {
  return useQuery({ queryKey: [...PAYOUTS_QUERY_KEY, 'bank-accounts'], queryFn: ({ signal }) => api.get<{ items: Wire<BankAccount>[] }>('/api/bank/accounts', { signal }) });
}

export function usePayoutSettings() {
  return useQuery({ queryKey: [...PAYOUTS_QUERY_KEY, 'settings'], queryFn: ({ signal }) => api.get<PayoutSettingsView>('/api/payouts/settings', { signal }) });
}

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: PAYOUTS_QUERY_KEY }) });
}

export const useBuildBatch = () => useRefreshing((body: BuildBatchBody) => api.post<Wire<PayoutBatchDetail>>('/api/payouts/batches', body));
export const useApproveBatch = () => useRefreshing((id: string) => api.post<Wire<PayoutBatchDetail>>(`/api/payouts/batches/${id}/approve`));
export const useCancelBatch = () => useRefreshing((id: string) => api.post<Wire<PayoutBatchDetail>>(`/api/payouts/batches/${id}/cancel`));
export const useUpdatePayoutSettings = () => useRefreshing((body: Partial<PayoutSettingsView>) => api.put<PayoutSettingsView>('/api/payouts/settings', body));
export const batchFileUrl = (id: string) => `/api/payouts/batches/${id}/file`;
