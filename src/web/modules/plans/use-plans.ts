import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BalanceView, BillingItem, BillingItemList, BillingRunResult, CreatePlanBody, ResourceBillingSettings, PlanView, SubscribeBody, SubscriptionView, UpdatePlanBody } from '../../../modules/plans/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const PLANS_QUERY_KEY = ['plans'] as const;
export type PlanData = Wire<PlanView>;
export type SubscriptionData = Wire<SubscriptionView>;
export type BalanceData = Wire<BalanceView>;
export type BillingItemData = Wire<BillingItem>;
export type BillingItemListData = Wire<BillingItemList>;
export type BillingRunData = Wire<BillingRunResult>;
export type { ResourceBillingSettings };

export const usePlans = () => useQuery({ queryKey: [...PLANS_QUERY_KEY, 'list'], queryFn: ({ signal }) => api.get<{ items: PlanData[] }>('/api/plans', { signal }) });
export const useSubscriptions = () => useQuery({ queryKey: [...PLANS_QUERY_KEY, 'subscriptions'], queryFn: ({ signal }) => api.get<{ items: SubscriptionData[] }>('/api/plans/subscriptions', { signal }) });
export const useMyBalance = () => useQuery({ queryKey: [...PLANS_QUERY_KEY, 'balance'], queryFn: ({ signal }) => api.get<BalanceData>('/api/plans/me/balance', { signal }) });
export const useBillingItems = (month: string) =>
  useQuery({ queryKey: [...PLANS_QUERY_KEY, 'billing', month], queryFn: ({ signal }) => api.get<BillingItemListData>('/api/plans/billing/items', { query: { month }, signal }), enabled: /^\d{4}-\d{2}$/.test(month) });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: PLANS_QUERY_KEY }) });
}

export const useCreatePlan = () => useRefreshing((body: CreatePlanBody) => api.post<PlanData>('/api/plans', body));
export const useUpdatePlan = () => useRefreshing(({ id, ...body }: UpdatePlanBody & { id: string }) => api.patch<PlanData>(`/api/plans/${id}`, body));
export const useSubscribe = () => useRefreshing((body: SubscribeBody) => api.post<SubscriptionData>('/api/plans/subscriptions', body));
export const useSubscriptionAction = () =>
  useRefreshing(({ id, action, fromMonth }: { id: string; action: 'pause' | 'resume' | 'end'; fromMonth?: string }) => api.post<SubscriptionData>(`/api/plans/subscriptions/${id}/${action}`, action === 'end' ? {} : { fromMonth }));
export const useRunBilling = () => useRefreshing((month: string) => api.post<BillingRunData>('/api/plans/billing/run', { month }));
export const useBillingSettings = () => useQuery({ queryKey: [...PLANS_QUERY_KEY, 'billing-settings'], queryFn: ({ signal }) => api.get<ResourceBillingSettings>('/api/plans/billing/settings', { signal }) });
export const useSaveBillingSettings = () => useRefreshing((body: ResourceBillingSettings) => api.put<ResourceBillingSettings>('/api/plans/billing/settings', body));
