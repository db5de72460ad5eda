import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateInvoiceBody,
  CreditNoteBody,
  DocumentMailPreview,
  InvoiceDetail,
  InvoiceSend,
  InvoiceListPage,
  InvoiceSort,
  InvoiceStatusFilter,
  InvoiceSummary,
  InvoicingSettingsView,
  NextInvoiceSequence,
  SendInvoiceResult,
  UpdateInvoiceBody,
} from '../../../modules/invoicing/contract';
import { todayInFrance } from '../../../platform/calendar/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type InvoiceSummaryData = Wire<InvoiceSummary>;
export type InvoiceDetailData = Wire<InvoiceDetail>;

export interface InvoiceFilters {
  page?: number;
  pageSize?: number;
  status?: InvoiceStatusFilter;
  kind?: InvoiceSummary['kind'];
  activityId?: string;
  clientId?: string;
  q?: string;
  toValidate?: 'true' | 'false';
  sort?: InvoiceSort;
  dir?: 'asc' | 'desc';
}

export const INVOICES_QUERY_KEY = ['invoices'] as const;
/**
 * An invoice's status and what is paid on it change by other hands (the team validates, a
 * payment or a bank line settles it): a page opened again asks the server, rather than show
 * for up to the app's 30 s a "draft" the list next to it already shows paid.
 */
const FRESH_ON_OPEN = { refetchOnMount: 'always' } as const;
const detailKey = (id: string) => [...INVOICES_QUERY_KEY, 'detail', id];

/** GET /api/invoices: a page of the invoices and credit notes the person may see. */
export function useInvoices(filters: InvoiceFilters) {
  return useQuery({
    queryKey: [...INVOICES_QUERY_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<Wire<InvoiceListPage>>('/api/invoices', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    ...FRESH_ON_OPEN,
  });
}

export function useInvoice(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => api.get<InvoiceDetailData>(`/api/invoices/${id}`, { signal }),
    enabled: options.enabled ?? true,
    ...FRESH_ON_OPEN,
  });
}

/** Every change of an invoice refreshes the lists, and the activity balances a validation moves. */
function useInvoiceMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: INVOICES_QUERY_KEY });
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
      // The invoice page lists what was mailed about the invoice (a send adds a line).
      await queryClient.invalidateQueries({ queryKey: ['dunning', 'invoice-mails'] });
    },
  });
}

export const useCreateInvoice = () => useInvoiceMutation((body: CreateInvoiceBody) => api.post<InvoiceDetailData>('/api/invoices', body));
export const useUpdateInvoice = (id: string) => useInvoiceMutation((body: UpdateInvoiceBody) => api.patch<InvoiceDetailData>(`/api/invoices/${id}`, body));
export const useDeleteInvoice = (id: string) => useInvoiceMutation(() => api.delete(`/api/invoices/${id}`));
export const useValidateInvoice = (id: string) => useInvoiceMutation(() => api.post<InvoiceDetailData>(`/api/invoices/${id}/validate`));
export const useSubmitInvoice = (id: string) => useInvoiceMutation(() => api.post<InvoiceDetailData>(`/api/invoices/${id}/submit`));
export const useSendInvoice = (id: string) =>
  useInvoiceMutation((body: { copyToMember: boolean } = { copyToMember: false }) => api.post<Wire<SendInvoiceResult>>(`/api/invoices/${id}/send`, body));
export const useWithdrawInvoice = (id: string) => useInvoiceMutation(() => api.post<InvoiceDetailData>(`/api/invoices/${id}/withdraw`));
export const useSendBackInvoice = (id: string) => useInvoiceMutation((comment: string) => api.post<InvoiceDetailData>(`/api/invoices/${id}/send-back`, { comment: comment.trim() || null }));

/** GET /api/invoices/:id/send-preview: the mail a send would queue, read before confirming (writes nothing). */
export function useInvoiceMailPreview(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...detailKey(id), 'send-preview'], queryFn: ({ signal }) => api.get<DocumentMailPreview>(`/api/invoices/${id}/send-preview`, { signal }), enabled, gcTime: 0 });
}

/** GET /api/invoices/:id/sends: each send, with whether its mail left. */
export function useInvoiceSends(id: string, enabled = true) {
  return useQuery({ queryKey: [...detailKey(id), 'sends'], queryFn: ({ signal }) => api.get<Wire<InvoiceSend>[]>(`/api/invoices/${id}/sends`, { signal }), enabled, ...FRESH_ON_OPEN });
}
export const useCreditInvoice = (id: string) => useInvoiceMutation((body: CreditNoteBody) => api.post<InvoiceDetailData>(`/api/invoices/${id}/credit-notes`, body));

/** Where the browser downloads a stored file of an issued invoice (same origin, session cookie). */
export const invoiceFileUrl = (id: string, file: 'pdf' | 'xml') => (file === 'pdf' ? `/api/invoices/${id}/pdf` : `/api/invoices/${id}/factur-x.xml`);

const SETTINGS_KEY = [...INVOICES_QUERY_KEY, 'settings'];

export function useInvoicingSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => api.get<InvoicingSettingsView>('/api/invoices/settings', { signal }) });
}

/** What the next invoice would take in each kind of series, for the numbering preview (team only). */
export function useNextInvoiceSequence(enabled = true) {
  return useQuery({
    queryKey: [...INVOICES_QUERY_KEY, 'next-sequence'],
    queryFn: ({ signal }) => api.get<NextInvoiceSequence>('/api/invoices/next-sequence', { signal }),
    enabled,
  });
}

export function useUpdateInvoicingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoicingSettingsView) => api.put<InvoicingSettingsView>('/api/invoices/settings', body),
    onSuccess: (saved) => queryClient.setQueryData(SETTINGS_KEY, saved),
  });
}

/** Today in France, the day the server counts with: what "overdue" is judged against on screen. */
export function todayIso(now = new Date()): string {
  return todayInFrance(now);
}
