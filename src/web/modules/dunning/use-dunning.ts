import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DUNNING_CASE_STATES, DunningCase, DunningEvent, DunningRunResult, DunningSettings } from '../../../modules/dunning/contract';
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
