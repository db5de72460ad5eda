import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpenInvoice, Payment, PaymentListPage, PaymentModeValue, PaymentSort, RecordPaymentInput } from '../../../modules/payments/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type PaymentData = Wire<Payment>;
export type OpenInvoiceData = Wire<OpenInvoice>;

export interface PaymentFilters {
  page?: number;
  pageSize?: number;
  clientId?: string;
  invoiceId?: string;
  from?: string;
  to?: string;
  mode?: PaymentModeValue;
  reconciled?: 'true' | 'false';
  sort?: PaymentSort;
  dir?: 'asc' | 'desc';
}

export const PAYMENTS_QUERY_KEY = ['payments'] as const;

/** GET /api/payments: a page of the payments received, newest first. */
export function usePayments(filters: PaymentFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...PAYMENTS_QUERY_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<Wire<PaymentListPage>>('/api/payments', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The invoices still owed, of one client or of all (what a payment can settle), oldest due first. */
export function useOpenInvoices(clientId: string | null | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...PAYMENTS_QUERY_KEY, 'open-invoices', clientId ?? 'all'],
    queryFn: ({ signal }) => api.get<OpenInvoiceData[]>('/api/payments/open-invoices', { query: { clientId: clientId ?? undefined }, signal }),
    enabled: options.enabled ?? true,
  });
}

export function useRecordPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPaymentInput) => api.post<PaymentData>('/api/payments', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PAYMENTS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ['invoices'] });
    },
  });
}
