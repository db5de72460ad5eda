import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BankAccount,
  BookLineInput,
  ConfirmLineInput,
  ConfirmRecordedInput,
  CreateBankAccountInput,
  ImportResult,
  ReconciliationStatementView,
  StatementDetail,
  StatementLine,
  StatementSummary,
  UnmatchLineInput,
  UpdateBankAccountInput,
} from '../../../modules/banking/contract';
import type { Page } from '../../../platform/http/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type StatementSummaryData = Wire<StatementSummary>;
export type StatementDetailData = Wire<StatementDetail>;
export type StatementLineData = Wire<StatementLine>;
export type ImportResultData = Wire<ImportResult>;

export const BANK_QUERY_KEY = ['bank'] as const;

export function useStatements(filters: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...BANK_QUERY_KEY, 'statements', filters],
    queryFn: ({ signal }) => api.get<Page<StatementSummaryData>>('/api/bank/statements', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStatement(id: string, status?: StatementLine['status']) {
  return useQuery({
    queryKey: [...BANK_QUERY_KEY, 'statement', id, status ?? 'all'],
    queryFn: ({ signal }) => api.get<StatementDetailData>(`/api/bank/statements/${id}`, { query: { status }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Everything a booked line changes: the statements, the payments, the invoices still open. */
function useInvalidateMoney() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: BANK_QUERY_KEY });
    void queryClient.invalidateQueries({ queryKey: ['payments'] });
    void queryClient.invalidateQueries({ queryKey: ['invoices'] });
  };
}

/** The bank's file behind a statement, byte for byte as imported (a plain link: the browser downloads it). */
export const statementFileUrl = (statementId: string) => `/api/bank/statements/${statementId}/file`;

export function useImportStatement() {
  const invalidate = useInvalidateMoney();
  return useMutation({ mutationFn: (form: FormData) => api.post<ImportResultData>('/api/bank/statements', form), onSuccess: invalidate });
}

export function useConfirmLine() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ lineId, body }: { lineId: string; body: ConfirmLineInput }) => api.post<StatementLineData>(`/api/bank/lines/${lineId}/confirm`, body),
    onSuccess: invalidate,
  });
}

export function useIgnoreLine() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ lineId, ignored }: { lineId: string; ignored: boolean }) => api.post<StatementLineData>(`/api/bank/lines/${lineId}/${ignored ? 'ignore' : 'unignore'}`),
    onSuccess: invalidate,
  });
}

/** The line is a payment or a slip already recorded: confirmed, nothing booked again. */
export function useConfirmRecorded() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ lineId, body }: { lineId: string; body: ConfirmRecordedInput }) => api.post<StatementLineData>(`/api/bank/lines/${lineId}/confirm-recorded`, body),
    onSuccess: invalidate,
  });
}

export type BankAccountData = Wire<BankAccount>;
export type ReconciliationStatementData = Wire<ReconciliationStatementView>;

export function useBankAccounts() {
  return useQuery({
    queryKey: [...BANK_QUERY_KEY, 'accounts'],
    queryFn: ({ signal }) => api.get<{ items: BankAccountData[] }>('/api/bank/accounts', { signal }),
  });
}

export function useSaveBankAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CreateBankAccountInput | UpdateBankAccountInput }) =>
      id ? api.patch<BankAccountData>(`/api/bank/accounts/${id}`, body) : api.post<BankAccountData>('/api/bank/accounts', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: BANK_QUERY_KEY }),
  });
}

export function useDebitAccounts(enabled: boolean) {
  return useQuery({
    queryKey: [...BANK_QUERY_KEY, 'debit-accounts'],
    queryFn: ({ signal }) => api.get<{ items: { number: string; label: string; needsThirdParty: boolean; mayDeductVat: boolean }[] }>('/api/bank/debit-accounts', { signal }),
    enabled,
    staleTime: Infinity,
  });
}

export function useBookLine() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ lineId, body }: { lineId: string; body: BookLineInput }) => api.post<StatementLineData>(`/api/bank/lines/${lineId}/book`, body),
    onSuccess: invalidate,
  });
}

/** Undo a match by reversal, with the reason. */
export function useUnmatchLine() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ lineId, body }: { lineId: string; body: UnmatchLineInput }) => api.post<StatementLineData>(`/api/bank/lines/${lineId}/unmatch`, body),
    onSuccess: invalidate,
  });
}

export function useUnbookLine() {
  const invalidate = useInvalidateMoney();
  return useMutation({ mutationFn: (lineId: string) => api.post<StatementLineData>(`/api/bank/lines/${lineId}/unbook`), onSuccess: invalidate });
}

export function useReconciliationStatement(accountId: string | null, date: string) {
  return useQuery({
    queryKey: [...BANK_QUERY_KEY, 'reconciliation', accountId, date],
    queryFn: ({ signal }) => api.get<ReconciliationStatementData>(`/api/bank/accounts/${accountId}/reconciliation`, { query: { date }, signal }),
    enabled: Boolean(accountId) && /^\d{4}-\d{2}-\d{2}$/.test(date),
    placeholderData: keepPreviousData,
  });
}
