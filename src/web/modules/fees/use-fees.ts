import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AmendMandateBody,
  BuildCollectionBody,
  Collectable,
  Collection,
  CreateMandateBody,
  FeeSettingsView,
  Mandate,
  MemberFee,
  MemberFeePage,
  SettleDebitBody,
  UpdateFeeSettingsBody,
} from '../../../modules/fees/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const FEES_QUERY_KEY = ['fees'] as const;

export type MemberFeeData = Wire<MemberFee>;
export type MandateData = Wire<Mandate>;
export type CollectionData = Wire<Collection>;

export function useMemberFees(query: { page: number; pageSize: number; status?: 'unpaid' | 'paid' }) {
  return useQuery({
    queryKey: [...FEES_QUERY_KEY, 'list', query],
    queryFn: ({ signal }) => api.get<Wire<MemberFeePage>>('/api/fees', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useMandates = () => useQuery({ queryKey: [...FEES_QUERY_KEY, 'mandates'], queryFn: ({ signal }) => api.get<{ items: MandateData[] }>('/api/fees/mandates', { signal }) });
export const useCollectable = (enabled: boolean) => useQuery({ queryKey: [...FEES_QUERY_KEY, 'collectable'], queryFn: ({ signal }) => api.get<Wire<Collectable>>('/api/fees/collectable', { signal }), enabled });
export const useCollections = (enabled: boolean) => useQuery({ queryKey: [...FEES_QUERY_KEY, 'collections'], queryFn: ({ signal }) => api.get<{ items: CollectionData[] }>('/api/fees/collections', { signal }), enabled });
export const useFeeSettings = () => useQuery({ queryKey: [...FEES_QUERY_KEY, 'settings'], queryFn: ({ signal }) => api.get<FeeSettingsView>('/api/fees/settings', { signal }) });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: FEES_QUERY_KEY }) });
}

export const useBillMonth = () => useRefreshing((month: string) => api.post<{ month: string; billed: number; alreadyBilled: number }>('/api/fees/bill', { month }));
export const useMarkFeePaid = () => useRefreshing(({ id, paidOn }: { id: string; paidOn: string }) => api.post<MemberFeeData>(`/api/fees/${id}/pay`, { paidOn }));
export const useCreateMandate = () => useRefreshing((body: CreateMandateBody) => api.post<MandateData>('/api/fees/mandates', body));
export const useAmendMandate = () => useRefreshing(({ id, ...body }: AmendMandateBody & { id: string }) => api.post<MandateData>(`/api/fees/mandates/${id}/amend`, body));
export const useRevokeMandate = () => useRefreshing(({ id, reason }: { id: string; reason: string }) => api.post<MandateData>(`/api/fees/mandates/${id}/revoke`, { reason }));
export const useBuildCollection = () => useRefreshing((body: BuildCollectionBody) => api.post<CollectionData>('/api/fees/collections', body));
export const useRecordDebitOutcome = () => useRefreshing((body: SettleDebitBody) => api.post<MemberFeeData>('/api/fees/collections/outcomes', body));
export const useUpdateFeeSettings = () => useRefreshing((body: UpdateFeeSettingsBody) => api.patch<FeeSettingsView>('/api/fees/settings', body));

export const feeFileUrl = (id: string) => `/api/fees/${id}/file`;
export const collectionFileUrl = (id: string) => `/api/fees/collections/${id}/file`;
