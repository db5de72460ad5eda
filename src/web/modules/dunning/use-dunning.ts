import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DUNNING_CASE_STATES, DunningCase, DunningEvent, DunningPause, DunningRunResult, DunningSettings, InvoiceDunning, PauseDunningBody } from '../../../modules/dunning/contract';
import type { Page } from '../../../platform/http/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type DunningCaseData = Wire<DunningCase>;
export type DunningEventData = Wire<DunningEvent>;
export type DunningCaseState = (typeof DUNNING_CASE_STATES)[number];

/** GET /api/dunning/cases (team). */
export function useDunningCases(filters: { state: DunningCaseState; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['dunning', 'cases', filters],
    queryFn: () => api.get<Page<DunningCaseData>>('/api/dunning/cases', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/dunning/run: today's steps now, as the daily job would take them. */
export function useRunDunning() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Wire<DunningRunResult>>('/api/dunning/run'),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['dunning', 'cases'] });
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });
}

const SETTINGS_KEY = ['dunning', 'settings'] as const;

/** GET /api/dunning/settings (team). */
export function useDunningSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<DunningSettings>('/api/dunning/settings') });
}

/** PUT /api/dunning/settings (admins). */
export function useUpdateDunningSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: DunningSettings) => api.put<DunningSettings>('/api/dunning/settings', settings),
    onSuccess: (settings) => queryClient.setQueryData(SETTINGS_KEY, settings),
  });
}

export const recoveryExportUrl = (invoiceId: string) => `/api/dunning/recovery/${invoiceId}/export`;

/** POST /api/dunning/recovery/:id/exported: the download itself is a GET that writes nothing, this records it. */
export function useRecordRecoveryExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoiceId: string) => api.post(`/api/dunning/recovery/${invoiceId}/exported`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['dunning', 'cases'] }),
  });
}
export const letterUrl = (eventId: string) => `/api/dunning/events/${eventId}/letter`;

export type DunningPauseData = Wire<DunningPause>;
const invalidateDunning = (queryClient: ReturnType<typeof useQueryClient>) => queryClient.invalidateQueries({ queryKey: ['dunning'] });

/** GET /api/dunning/invoices/:id (team): the steps of one invoice and the pauses on it or its client. */
export function useInvoiceDunning(invoiceId: string, enabled: boolean) {
  return useQuery({ queryKey: ['dunning', 'invoice', invoiceId], queryFn: () => api.get<Wire<InvoiceDunning>>(`/api/dunning/invoices/${invoiceId}`), enabled });
}

/** GET /api/dunning/pauses?clientId= (team). */
export function useClientDunningPauses(clientId: string, enabled: boolean) {
  return useQuery({ queryKey: ['dunning', 'pauses', clientId], queryFn: () => api.get<DunningPauseData[]>('/api/dunning/pauses', { query: { clientId } }), enabled });
}

export function usePauseDunning() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: PauseDunningBody) => api.post<DunningPauseData>('/api/dunning/pauses', body), onSuccess: () => void invalidateDunning(queryClient) });
}

export function useResumeDunning() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (pauseId: string) => api.post<DunningPauseData>(`/api/dunning/pauses/${pauseId}/resume`), onSuccess: () => void invalidateDunning(queryClient) });
}

/** POST /api/dunning/events/:id/confirm or /cancel: the team's decision on a formal notice waiting in the queue. */
export function useDecideNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, decision }: { eventId: string; decision: 'confirm' | 'cancel' }) => api.post(`/api/dunning/events/${eventId}/${decision}`),
    onSuccess: () => {
      void invalidateDunning(queryClient);
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });
}
