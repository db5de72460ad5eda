import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GenerateMemberInvoiceBody,
  IndependenceView,
  IndependentsSettingsView,
  JobShareList,
  MarkPaidBody,
  MemberInvoice,
  MemberInvoicePage,
  MemberInvoiceStatus,
  UpdateIndependentsSettingsBody,
} from '../../../modules/independents/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const INDEPENDENTS_QUERY_KEY = ['independents'] as const;

export type MemberInvoiceData = Wire<MemberInvoice>;
export type IndependenceData = Wire<IndependenceView>;
export type JobShareData = Wire<JobShareList>['items'][number];

/** What the signed-in person may invoice the coop for, per job and activity (a member: their own parts). */
export function useJobShares() {
  return useQuery({
    queryKey: [...INDEPENDENTS_QUERY_KEY, 'job-shares'],
    queryFn: ({ signal }) => api.get<Wire<JobShareList>>('/api/independents/member-invoices/job-shares', { signal }),
  });
}

export function useMemberInvoices(query: { page: number; pageSize: number; status?: MemberInvoiceStatus; memberId?: string }) {
  return useQuery({
    queryKey: [...INDEPENDENTS_QUERY_KEY, 'invoices', query],
    queryFn: ({ signal }) => api.get<Wire<MemberInvoicePage>>('/api/independents/member-invoices', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: INDEPENDENTS_QUERY_KEY }) });
}

export const useGenerateMemberInvoice = () => useRefreshing((body: GenerateMemberInvoiceBody) => api.post<MemberInvoiceData>('/api/independents/member-invoices', body));

export interface MemberInvoiceUpload {
  activityId: string;
  number: string;
  issueDate: string;
  netCents: number;
  vatRegime: string;
  vatRateBp: number;
  description: string;
  file: File;
}

export const useUploadMemberInvoice = () =>
  useRefreshing(({ file, ...fields }: MemberInvoiceUpload) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
    // The file goes last so the server has read the fields that describe it.
    form.append('file', file, file.name);
    return api.post<MemberInvoiceData>('/api/independents/member-invoices/upload', form);
  });

export const useValidateMemberInvoice = () => useRefreshing((id: string) => api.post<MemberInvoiceData>(`/api/independents/member-invoices/${id}/validate`));
export const useMarkMemberInvoicePaid = () =>
  useRefreshing(({ id, ...body }: MarkPaidBody & { id: string }) => api.post<MemberInvoiceData>(`/api/independents/member-invoices/${id}/pay`, body));

export const memberInvoiceFileUrl = (id: string) => `/api/independents/member-invoices/${id}/file`;

/** A member's volume over 12 months; `null` reads the signed-in member's own. */
export function useIndependence(memberId: string | null) {
  return useQuery({
    queryKey: [...INDEPENDENTS_QUERY_KEY, 'independence', memberId ?? 'me'],
    queryFn: ({ signal }) => api.get<IndependenceData>(memberId ? `/api/independents/members/${memberId}/independence` : '/api/independents/me/independence', { signal }),
  });
}

export function useIndependentsSettings() {
  return useQuery({ queryKey: [...INDEPENDENTS_QUERY_KEY, 'settings'], queryFn: ({ signal }) => api.get<IndependentsSettingsView>('/api/independents/settings', { signal }) });
}

export const useUpdateIndependentsSettings = () => useRefreshing((body: UpdateIndependentsSettingsBody) => api.patch<IndependentsSettingsView>('/api/independents/settings', body));
