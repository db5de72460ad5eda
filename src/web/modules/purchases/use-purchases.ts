import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Supplier, SupplierBody, SupplierDetail, SupplierInvoice, SupplierInvoiceStatus, SupplierInvoiceSummary, SupplierListQuery } from '../../../modules/purchases/contract';
import type { Page } from '../../../platform/http/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const PURCHASES_QUERY_KEY = ['purchases'] as const;
export type SupplierInvoiceData = Wire<SupplierInvoice>;
export type SupplierInvoiceRowData = Wire<SupplierInvoiceSummary>;

export function useSupplierInvoices(query: { page: number; pageSize: number; status?: SupplierInvoiceStatus; supplierId?: string }) {
  return useQuery({
    queryKey: [...PURCHASES_QUERY_KEY, 'invoices', query],
    queryFn: ({ signal }) => api.get<Page<SupplierInvoiceRowData>>('/api/purchases/invoices', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSupplierInvoice(id: string) {
  return useQuery({ queryKey: [...PURCHASES_QUERY_KEY, 'invoice', id], queryFn: ({ signal }) => api.get<SupplierInvoiceData>(`/api/purchases/invoices/${id}`, { signal }) });
}

export function useLifecycleDestination() {
  return useQuery({ queryKey: [...PURCHASES_QUERY_KEY, 'lifecycle'], queryFn: ({ signal }) => api.get<{ connected: boolean; destination: string }>('/api/purchases/lifecycle', { signal }) });
}

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: PURCHASES_QUERY_KEY }) });
}

export const useReceiveSupplierInvoice = () =>
  useRefreshing(({ file, activityId }: { file: File; activityId?: string }) => {
    const form = new FormData();
    if (activityId) form.append('activityId', activityId);
    form.append('file', file, file.name);
    return api.post<SupplierInvoiceData>('/api/purchases/invoices/upload', form);
  });

export const useUpdateSupplierInvoice = () =>
  useRefreshing(({ id, ...body }: { id: string; activityId?: string | null; lines?: { position: number; spendingCategoryId: string }[] }) => api.patch<SupplierInvoiceData>(`/api/purchases/invoices/${id}`, body));
export const useApproveSupplierInvoice = () => useRefreshing((id: string) => api.post<SupplierInvoiceData>(`/api/purchases/invoices/${id}/approve`));
export const useDecideSupplierInvoice = () =>
  useRefreshing(({ id, to, reason }: { id: string; to: 'refuse' | 'dispute'; reason: string }) => api.post<SupplierInvoiceData>(`/api/purchases/invoices/${id}/${to}`, { reason }));
export const usePaySupplierInvoice = () =>
  useRefreshing(({ id, ...body }: { id: string; paidOn: string; reference: string }) => api.post<SupplierInvoiceData>(`/api/purchases/invoices/${id}/pay`, body));

export const supplierInvoiceFileUrl = (id: string) => `/api/purchases/invoices/${id}/file`;

export interface ApiTokenData {
  id: string;
  label: string;
  scope: 'inbound_invoices';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function useApiTokens() {
  return useQuery({ queryKey: [...PURCHASES_QUERY_KEY, 'tokens'], queryFn: ({ signal }) => api.get<{ items: ApiTokenData[] }>('/api/purchases/api-tokens', { signal }) });
}
export const useCreateApiToken = () => useRefreshing((label: string) => api.post<ApiTokenData & { token: string }>('/api/purchases/api-tokens', { label }));
export const useRevokeApiToken = () => useRefreshing((id: string) => api.post<ApiTokenData>(`/api/purchases/api-tokens/${id}/revoke`));

export type SupplierData = Wire<Supplier>;
export type SupplierDetailData = Wire<SupplierDetail>;

export function useSuppliers(query: SupplierListQuery) {
  return useQuery({
    queryKey: [...PURCHASES_QUERY_KEY, 'suppliers', query],
    queryFn: ({ signal }) => api.get<{ items: SupplierData[] }>('/api/purchases/suppliers', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSupplier(id: string) {
  return useQuery({ queryKey: [...PURCHASES_QUERY_KEY, 'supplier', id], queryFn: ({ signal }) => api.get<SupplierDetailData>(`/api/purchases/suppliers/${id}`, { signal }) });
}

/** Records a new supplier (no id) or changes one. */
export const useSaveSupplier = () =>
  useRefreshing(({ id, body }: { id?: string; body: SupplierBody }) => (id ? api.put<SupplierData>(`/api/purchases/suppliers/${id}`, body) : api.post<SupplierData>('/api/purchases/suppliers', body)));
