import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Availability, BookBody, Booking, BookingQuote, JoinWaitlistBody, Resource, Site, WaitlistEntry } from '../../../modules/resources/contract';
import { api } from '../../lib/api';
import { PLANS_QUERY_KEY } from '../plans';
import type { Wire } from '../../lib/wire';

export const RESOURCES_QUERY_KEY = ['resources'] as const;
export type ResourceData = Wire<Resource>;
export type AvailabilityData = Wire<Availability>;
export type BookingData = Wire<Booking>;

export const useSites = () => useQuery({ queryKey: [...RESOURCES_QUERY_KEY, 'sites'], queryFn: ({ signal }) => api.get<{ items: Site[] }>('/api/resources/sites', { signal }) });
export const useResources = (siteId?: string) =>
  useQuery({ queryKey: [...RESOURCES_QUERY_KEY, 'list', siteId], queryFn: ({ signal }) => api.get<{ items: ResourceData[] }>('/api/resources', { query: { siteId }, signal }) });
export const useAvailability = (q: { from: string; to: string; siteId?: string; resourceId?: string }, enabled = true) =>
  useQuery({ queryKey: [...RESOURCES_QUERY_KEY, 'availability', q], queryFn: ({ signal }) => api.get<AvailabilityData>('/api/resources/availability', { query: q, signal }), enabled });
export const useMyBookings = (enabled: boolean) =>
  useQuery({ queryKey: [...RESOURCES_QUERY_KEY, 'mine'], queryFn: ({ signal }) => api.get<{ items: BookingData[] }>('/api/resources/bookings/mine', { signal }), enabled });
export const useQuote = (body: BookBody | null) =>
  useQuery({ queryKey: [...RESOURCES_QUERY_KEY, 'quote', body], queryFn: ({ signal }) => api.post<BookingQuote>('/api/resources/bookings/quote', body, { signal }), enabled: body !== null, retry: false });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: RESOURCES_QUERY_KEY });
      // A booking, a cancellation or a check-in takes or gives back a pass: "Mon forfait" must not show the old balance.
      void queryClient.invalidateQueries({ queryKey: PLANS_QUERY_KEY });
    },
  });
}
export const useBook = () => useRefreshing((body: BookBody) => api.post<BookingData>('/api/resources/bookings', body));
export const useCancelBooking = () => useRefreshing((id: string) => api.post<BookingData>(`/api/resources/bookings/${id}/cancel`, {}));

// The waiting list of taken slots: my waits, join one, leave one.
export type WaitData = Wire<WaitlistEntry>;
export const useMyWaits = (enabled: boolean) =>
  useQuery({ queryKey: [...RESOURCES_QUERY_KEY, 'waits', 'mine'], queryFn: ({ signal }) => api.get<{ items: WaitData[] }>('/api/resources/waitlist/mine', { signal }), enabled });
export const useJoinWaitlist = () => useRefreshing((body: JoinWaitlistBody) => api.post<WaitData>('/api/resources/waitlist', body));
export const useLeaveWait = () => useRefreshing((id: string) => api.post<WaitData>(`/api/resources/waitlist/${id}/leave`, {}));
