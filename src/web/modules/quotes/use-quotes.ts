import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateQuoteBody,
  InvoiceQuoteBody,
  invoiceQuoteResult,
  ListQuotesQuery,
  QuoteListPage,
  PortalQuote,
  QuoteDetail,
  QuoteOfInvoiceAnswer,
  QuotesSettingsView,
  QuoteSummary,
  UpdateQuoteBody,
  QuoteMailPreview,
} from '../../../modules/quotes/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type QuoteData = Wire<QuoteDetail>;
export type QuoteSummaryData = Wire<QuoteSummary>;
export type PortalQuoteData = Wire<PortalQuote>;
export type InvoiceQuoteResult = z.infer<typeof invoiceQuoteResult>;
export type QuoteFilters = Partial<ListQuotesQuery>;

export const QUOTES_QUERY_KEY = ['quotes'] as const;
const detailKey = (id: string) => [...QUOTES_QUERY_KEY, 'detail', id];

/** GET /api/quotes: a page of the quotes the person may see. */
export function useQuotes(filters: QuoteFilters) {
  return useQuery({
    queryKey: [...QUOTES_QUERY_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<Wire<QuoteListPage>>('/api/quotes', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQuote(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: detailKey(id), queryFn: ({ signal }) => api.get<QuoteData>(`/api/quotes/${id}`, { signal }), enabled: options.enabled ?? true });
}

export function useQuotesSettings() {
  return useQuery({ queryKey: [...QUOTES_QUERY_KEY, 'settings'], queryFn: ({ signal }) => api.get<QuotesSettingsView>('/api/quotes/settings', { signal }) });
}

/** PUT /api/quotes/settings (admins): whether the team validates quotes before they go out. */
export function useUpdateQuotesSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuotesSettingsView) => api.put<QuotesSettingsView>('/api/quotes/settings', body),
    onSuccess: (saved) => queryClient.setQueryData([...QUOTES_QUERY_KEY, 'settings'], saved),
  });
}

/** GET /api/quotes/by-invoice/:id: the quote an invoice was drafted from, `{ quote: null }` when none. */
export function useQuoteOfInvoice(invoiceId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...QUOTES_QUERY_KEY, 'by-invoice', invoiceId],
    queryFn: ({ signal }) => api.get<Wire<QuoteOfInvoiceAnswer>>(`/api/quotes/by-invoice/${invoiceId}`, { signal }),
    enabled: options.enabled ?? true,
    retry: false,
  });
}

/** Every change of a quote answers the quote as it now stands: it refreshes the detail and the lists. */
function useQuoteMutation<Vars, Result>(request: (vars: Vars) => Promise<Result>, touches: (result: Result) => string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      const id = touches(result);
      if (id) queryClient.setQueryData(detailKey(id), result);
      void queryClient.invalidateQueries({ queryKey: [...QUOTES_QUERY_KEY, 'list'] });
    },
  });
}

export const useCreateQuote = () => useQuoteMutation((body: CreateQuoteBody) => api.post<QuoteData>('/api/quotes', body), (q) => q.id);

export const useUpdateQuote = (id: string) => useQuoteMutation((body: UpdateQuoteBody) => api.patch<QuoteData>(`/api/quotes/${id}`, body), (q) => q.id);

export const useDeleteQuote = (id: string) => useQuoteMutation(() => api.delete(`/api/quotes/${id}`), () => undefined);

export type QuoteMove = 'submit' | 'withdraw' | 'send-back' | 'validate' | 'send' | 'duplicate';

/** POST /api/quotes/:id/<move>: the lifecycle actions without a body. */
export const useMoveQuote = (id: string) => useQuoteMutation((move: QuoteMove) => api.post<QuoteData>(`/api/quotes/${id}/${move}`), (q) => q.id);

/** POST /api/quotes/:id/send, after the person read the mail; with or without a copy to the member. */
export const useSendQuote = (id: string) => useQuoteMutation((body: { copyToMember: boolean }) => api.post<QuoteData>(`/api/quotes/${id}/send`, body), (q) => q.id);

/** POST /api/quotes/:id/send-back with what to change. */
export const useSendBackQuote = (id: string) => useQuoteMutation((comment: string) => api.post<QuoteData>(`/api/quotes/${id}/send-back`, { comment: comment.trim() || null }), (q) => q.id);

/** GET /api/quotes/:id/send-preview: the mail a send would queue (writes nothing). */
export function useQuoteMailPreview(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...detailKey(id), 'send-preview'], queryFn: ({ signal }) => api.get<QuoteMailPreview>(`/api/quotes/${id}/send-preview`, { signal }), enabled, gcTime: 0 });
}

/** Staff record the client's answer given outside the portal. */
export const useAnswerForClient = (id: string) =>
  useQuoteMutation(
    (answer: { accept: true; name: string } | { accept: false; reason: string | null }) =>
      answer.accept ? api.post<QuoteData>(`/api/quotes/${id}/accept`, { name: answer.name }) : api.post<QuoteData>(`/api/quotes/${id}/refuse`, { reason: answer.reason }),
    (q) => q.id,
  );

/** Drafts an invoice from an accepted quote; the quote is read again for what remains. */
export function useInvoiceQuote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceQuoteBody) => api.post<InvoiceQuoteResult>(`/api/quotes/${id}/invoices`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: detailKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
    },
  });
}

const portalKey = (token: string) => [...QUOTES_QUERY_KEY, 'portal', token];

/** The client portal: the token in the link is the only credential. */
export function usePortalQuote(token: string) {
  return useQuery({ queryKey: portalKey(token), queryFn: ({ signal }) => api.get<PortalQuoteData>(`/api/portal/quotes/${encodeURIComponent(token)}`, { signal }), retry: false });
}

export function usePortalAnswer(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: { accept: true; name: string } | { accept: false; reason: string | null }) =>
      answer.accept
        ? api.post<PortalQuoteData>(`/api/portal/quotes/${encodeURIComponent(token)}/accept`, { name: answer.name })
        : api.post<PortalQuoteData>(`/api/portal/quotes/${encodeURIComponent(token)}/refuse`, { reason: answer.reason }),
    onSuccess: (quote) => queryClient.setQueryData(portalKey(token), quote),
  });
}

export const quotePdfUrl = (id: string) => `/api/quotes/${id}/pdf`;
export const portalPdfUrl = (token: string) => `/api/portal/quotes/${encodeURIComponent(token)}/pdf`;
