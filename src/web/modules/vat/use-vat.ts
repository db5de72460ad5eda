import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VAT_LEDGER_BOXES, VatBoxEntriesPage, VatSettings, VatSummary } from '../../../modules/vat/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const VAT_QUERY_KEY = ['vat'] as const;
export type VatSummaryData = Wire<VatSummary>;
export type VatBoxEntryData = Wire<VatBoxEntriesPage>['items'][number];
export type LedgerBox = (typeof VAT_LEDGER_BOXES)[number];

/** GET /api/vat/settings (admins, accountant). */
export function useVatSettings() {
  return useQuery({ queryKey: [...VAT_QUERY_KEY, 'settings'], queryFn: ({ signal }) => api.get<VatSettings>('/api/vat/settings', { signal }) });
}

/** PUT /api/vat/settings (admins). */
export function useUpdateVatSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VatSettings) => api.put<VatSettings>('/api/vat/settings', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: VAT_QUERY_KEY }),
  });
}

/** GET /api/vat/summary: the boxes of a period's return. */
export function useVatSummary(period: string) {
  return useQuery({
    queryKey: [...VAT_QUERY_KEY, 'summary', period],
    queryFn: ({ signal }) => api.get<VatSummaryData>('/api/vat/summary', { query: { period }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/vat/summary/entries: the lines behind one box. */
export function useVatBoxEntries(q: { period: string; box: LedgerBox | null; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...VAT_QUERY_KEY, 'entries', q],
    queryFn: ({ signal }) => api.get<Wire<VatBoxEntriesPage>>('/api/vat/summary/entries', { query: { period: q.period, box: q.box!, page: q.page, pageSize: q.pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled: q.box !== null,
  });
}

/** POST /api/vat/returns: confirm a period's return (its settlement entry). */
export function useConfirmVatReturn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.post('/api/vat/returns', { period }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: VAT_QUERY_KEY }),
  });
}
