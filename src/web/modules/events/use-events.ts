import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateEventBody, UpdateEventBody, EventDetail, EventSummary, HostHistory, ProposeThemeBody, RegisterBody, Registration, ThemeProposal } from '../../../modules/events/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export const EVENTS_QUERY_KEY = ['events'] as const;

export type EventSummaryData = Wire<EventSummary>;
export type EventDetailData = Wire<EventDetail>;
export type ThemeProposalData = Wire<ThemeProposal>;

export const useEvents = (when: 'upcoming' | 'past') =>
  useQuery({ queryKey: [...EVENTS_QUERY_KEY, 'list', when], queryFn: ({ signal }) => api.get<{ items: EventSummaryData[] }>('/api/events', { query: { when }, signal }) });
export const useEvent = (id: string) => useQuery({ queryKey: [...EVENTS_QUERY_KEY, 'detail', id], queryFn: ({ signal }) => api.get<EventDetailData>(`/api/events/${id}`, { signal }) });
export const useHostHistory = () => useQuery({ queryKey: [...EVENTS_QUERY_KEY, 'hosts'], queryFn: ({ signal }) => api.get<Wire<HostHistory>>('/api/events/hosts', { signal }) });
export const useThemeProposals = () => useQuery({ queryKey: [...EVENTS_QUERY_KEY, 'themes'], queryFn: ({ signal }) => api.get<{ items: ThemeProposalData[] }>('/api/events/themes', { signal }) });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: EVENTS_QUERY_KEY }) });
}

export const useCreateEvent = () => useRefreshing((body: CreateEventBody) => api.post<EventDetailData>('/api/events', body));
export const useUpdateEvent = () => useRefreshing(({ id, ...body }: UpdateEventBody & { id: string }) => api.patch<EventDetailData>(`/api/events/${id}`, body));
export const useCancelEvent = () => useRefreshing((id: string) => api.post<EventDetailData>(`/api/events/${id}/cancel`));
export const useRegister = () => useRefreshing(({ id, ...body }: RegisterBody & { id: string }) => api.post<Registration>(`/api/events/${id}/registrations`, body));
export const useCancelRegistration = () => useRefreshing(({ id, registrationId }: { id: string; registrationId: string }) => api.post<Registration>(`/api/events/${id}/registrations/${registrationId}/cancel`));
export const useMarkAttendance = () =>
  useRefreshing(({ id, registrationId, attended }: { id: string; registrationId: string; attended: boolean | null }) => api.put<Registration>(`/api/events/${id}/registrations/${registrationId}/attendance`, { attended }));
export const useProposeTheme = () => useRefreshing((body: ProposeThemeBody) => api.post<{ id: string }>('/api/events/themes', body));
export const useVote = () => useRefreshing(({ id, vote }: { id: string; vote: boolean }) => (vote ? api.post(`/api/events/themes/${id}/vote`) : api.delete(`/api/events/themes/${id}/vote`)));

export const eventIcsUrl = (id: string) => `/api/events/${id}/ics`;
