import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Advance, EndowmentBody, Fund, FundSettingsBody, GrantLoanBody, InvoiceAdvance, Loan, RequestAdvanceBody } from '../../../modules/advances/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type AdvanceData = Wire<Advance>;
export type LoanData = Wire<Loan>;
export type InvoiceAdvanceData = Wire<InvoiceAdvance>;

const KEY = ['advances'] as const;
const useInvalidate = () => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: KEY });
    // An advance moves the invoice's activity's money: its balance cards read again.
    void queryClient.invalidateQueries({ queryKey: ['invoices'] });
  };
};

/** GET /api/advances/fund (team, accountant). */
export function useFund(enabled = true) {
  return useQuery({ queryKey: [...KEY, 'fund'], queryFn: () => api.get<Fund>('/api/advances/fund'), enabled });
}

/** GET /api/advances: the advances I see, as a list page for ListTable. */
export function useAdvances() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: () => api.get<AdvanceData[]>('/api/advances'), select: (items) => ({ items }) });
}

/** GET /api/advances/loans. */
export function useLoans() {
  return useQuery({ queryKey: [...KEY, 'loans'], queryFn: () => api.get<LoanData[]>('/api/advances/loans') });
}

/** GET /api/advances/invoice/:id or /quote/:id: the document's advance and what may be asked now. */
export function useDocumentAdvance(document: { invoiceId: string } | { quoteId: string }) {
  const [kind, id] = 'invoiceId' in document ? (['invoice', document.invoiceId] as const) : (['quote', document.quoteId] as const);
  return useQuery({ queryKey: [...KEY, kind, id], queryFn: () => api.get<InvoiceAdvanceData>(`/api/advances/${kind}/${id}`) });
}

export function useRequestAdvance() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: RequestAdvanceBody) => api.post<AdvanceData>('/api/advances', body), onSuccess: invalidate });
}

export function useDecideAdvance() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'approve' | 'refuse' | 'write-off'; reason?: string }) =>
      api.post<AdvanceData>(`/api/advances/${id}/${action}`, action === 'approve' ? {} : { reason }),
    onSuccess: invalidate,
  });
}

export function useUpdateFundSettings() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: FundSettingsBody) => api.put<Fund>('/api/advances/fund/settings', body), onSuccess: invalidate });
}

export function useEndowFund() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: EndowmentBody) => api.post<Fund>('/api/advances/fund/endowments', body), onSuccess: invalidate });
}

export function useGrantLoan() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: GrantLoanBody) => api.post<LoanData>('/api/advances/loans', body), onSuccess: invalidate });
}
