import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CancelPaymentInput, CreateRemittanceInput, OpenInvoice, Payment, PaymentListPage, PaymentModeValue, PaymentSort, RecordPaymentInput, Remittance } from '../../../modules/payments/contract';
import type { Page } from '../../../platform/http/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type PaymentData = Wire<Payment>;
export type OpenInvoiceData = Wire<OpenInvoice>;
export type RemittanceData = Wire<Remittance>;

export interface PaymentFilters {
  page?: number;
  pageSize?: number;
  clientId?: string;
  /** Only the cheques a remittance slip can take. */
  remittable?: boolean;
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

/** What cancelling a payment or a slip changes: the payments, the invoices it had settled, the bank lines proposing it. */
function useInvalidateMoney() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: PAYMENTS_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: ['invoices'] });
    void queryClient.invalidateQueries({ queryKey: ['bank'] });
  };
}

/** POST /api/payments/:id/cancel: the payment reversed, with the reason given. */
export function useCancelPayment() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CancelPaymentInput }) => api.post<PaymentData>(`/api/payments/${id}/cancel`, body),
    onSuccess: invalidate,
  });
}

export function useRemittances(filters: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...PAYMENTS_QUERY_KEY, 'remittances', filters],
    queryFn: ({ signal }) => api.get<Page<RemittanceData>>('/api/payments/remittances', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateRemittance() {
  const invalidate = useInvalidateMoney();
  return useMutation({ mutationFn: (body: CreateRemittanceInput) => api.post<RemittanceData>('/api/payments/remittances', body), onSuccess: invalidate });
}

export function useCancelRemittance() {
  const invalidate = useInvalidateMoney();
  return useMutation({ mutationFn: (id: string) => api.post<RemittanceData>(`/api/payments/remittances/${id}/cancel`), onSuccess: invalidate });
}
