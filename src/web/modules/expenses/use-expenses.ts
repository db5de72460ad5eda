import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddExpenseLineBody,
  CreateExpenseReportBody,
  CreateSpendingCategoryBody,
  ExpenseAdvance,
  ExpenseReport,
  ExpenseReportStatus,
  ExpenseReportSummary,
  GrantExpenseAdvanceBody,
  MileageQuote,
  PayExpenseReportBody,
  SpendingCategory,
  UpdateExpenseReportBody,
  UpdateSpendingCategoryBody,
} from '../../../modules/expenses/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const EXPENSES_QUERY_KEY = ['expenses'] as const;

export type ExpenseReportData = Wire<ExpenseReport>;
export type ExpenseReportSummaryData = Wire<ExpenseReportSummary>;
export type SpendingCategoryData = Wire<SpendingCategory>;
export type ExpenseAdvanceData = Wire<ExpenseAdvance>;

export function useExpenseReports(query: { page: number; pageSize: number; status?: ExpenseReportStatus }) {
  return useQuery({
    queryKey: [...EXPENSES_QUERY_KEY, 'reports', query],
    queryFn: ({ signal }) => api.get<{ items: ExpenseReportSummaryData[]; total: number; page: number; pageSize: number }>('/api/expenses/reports', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useExpenseReport(id: string) {
  return useQuery({ queryKey: [...EXPENSES_QUERY_KEY, 'report', id], queryFn: ({ signal }) => api.get<ExpenseReportData>(`/api/expenses/reports/${id}`, { signal }) });
}

export function useSpendingCategories(includeInactive = false) {
  return useQuery({
    queryKey: [...EXPENSES_QUERY_KEY, 'categories', includeInactive],
    queryFn: ({ signal }) => api.get<{ items: SpendingCategoryData[] }>('/api/expenses/categories', { query: includeInactive ? { includeInactive: 'true' } : {}, signal }),
  });
}

export function useExpenseAdvances(enabled = true) {
  return useQuery({ queryKey: [...EXPENSES_QUERY_KEY, 'advances'], queryFn: ({ signal }) => api.get<{ items: ExpenseAdvanceData[] }>('/api/expenses/advances', { signal }), enabled });
}

export function useMileageQuote(q: { spentOn: string; horsepower: number; distanceKm: number; memberId?: string } | null) {
  return useQuery({
    queryKey: [...EXPENSES_QUERY_KEY, 'mileage', q],
    queryFn: ({ signal }) => api.get<MileageQuote>('/api/expenses/mileage-quote', { query: q!, signal }),
    enabled: q !== null,
    retry: false,
  });
}

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: EXPENSES_QUERY_KEY }) });
}

export const useCreateExpenseReport = () => useRefreshing((body: CreateExpenseReportBody) => api.post<ExpenseReportData>('/api/expenses/reports', body));
export const useUpdateExpenseReport = () => useRefreshing(({ id, ...body }: UpdateExpenseReportBody & { id: string }) => api.patch<ExpenseReportData>(`/api/expenses/reports/${id}`, body));
export const useAddExpenseLine = () => useRefreshing(({ id, body }: { id: string; body: AddExpenseLineBody }) => api.post<ExpenseReportData>(`/api/expenses/reports/${id}/lines`, body));
export const useRemoveExpenseLine = () => useRefreshing(({ id, lineId }: { id: string; lineId: string }) => api.delete<ExpenseReportData>(`/api/expenses/reports/${id}/lines/${lineId}`));
export const useAttachReceipt = () =>
  useRefreshing(({ id, lineId, file }: { id: string; lineId: string; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<ExpenseReportData>(`/api/expenses/reports/${id}/lines/${lineId}/receipt`, form);
  });
export const useReportAction = (action: 'submit' | 'validate') => useRefreshing((id: string) => api.post<ExpenseReportData>(`/api/expenses/reports/${id}/${action}`));
export const useReturnReport = () => useRefreshing(({ id, comment }: { id: string; comment: string }) => api.post<ExpenseReportData>(`/api/expenses/reports/${id}/return`, { comment }));
export const useCancelReport = () => useRefreshing(({ id, comment }: { id: string; comment: string }) => api.post<ExpenseReportData>(`/api/expenses/reports/${id}/cancel`, { comment }));
export const usePayReport = () => useRefreshing(({ id, ...body }: PayExpenseReportBody & { id: string }) => api.post<ExpenseReportData>(`/api/expenses/reports/${id}/pay`, body));
export const useGrantExpenseAdvance = () => useRefreshing((body: GrantExpenseAdvanceBody) => api.post<ExpenseAdvanceData>('/api/expenses/advances', body));
export const useCreateCategory = () => useRefreshing((body: CreateSpendingCategoryBody) => api.post<SpendingCategoryData>('/api/expenses/categories', body));
export const useUpdateCategory = () => useRefreshing(({ id, ...body }: UpdateSpendingCategoryBody & { id: string }) => api.patch<SpendingCategoryData>(`/api/expenses/categories/${id}`, body));

export const receiptUrl = (id: string, lineId: string) => `/api/expenses/reports/${id}/lines/${lineId}/receipt`;
