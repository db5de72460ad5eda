import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedFeed, FeedView, HandoverBody, HandoverView, OccupancyView, OpsBooking } from '../../../modules/resources/contract';
import { api } from '../../lib/api';
import { PLANS_QUERY_KEY } from '../plans';
import type { Wire } from '../../lib/wire';

export const RESOURCE_OPS_KEY = ['resource-ops'] as const;

export const useMyOperations = () => useQuery({ queryKey: [...RESOURCE_OPS_KEY, 'mine'], queryFn: ({ signal }) => api.get<{ items: Wire<OpsBooking>[] }>('/api/resources/operations/mine', { signal }) });
export const useHandover = (bookingId: string, enabled: boolean) =>
  useQuery({ queryKey: [...RESOURCE_OPS_KEY, 'handover', bookingId], queryFn: ({ signal }) => api.get<Wire<HandoverView>>(`/api/resources/bookings/${bookingId}/handover`, { signal }), enabled });
export const useFeeds = () => useQuery({ queryKey: [...RESOURCE_OPS_KEY, 'feeds'], queryFn: ({ signal }) => api.get<{ items: Wire<FeedView>[] }>('/api/resources/feeds', { signal }) });
export const useOccupancy = (q: { from: string; to: string }) =>
  useQuery({ queryKey: [...RESOURCE_OPS_KEY, 'occupancy', q], queryFn: ({ signal }) => api.get<Wire<OccupancyView>>('/api/resources/occupancy', { query: q, signal }), enabled: q.from <= q.to });

function useRefreshing<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: RESOURCE_OPS_KEY });
      // A booking, a cancellation or a check-in takes or gives back a pass: "Mon forfait" must not show the old balance.
      void queryClient.invalidateQueries({ queryKey: PLANS_QUERY_KEY });
    },
  });
}

export const useCheckIn = () => useRefreshing((bookingId: string) => api.post(`/api/resources/bookings/${bookingId}/check-in`, {}));
export const useRecordHandover = () => useRefreshing(({ bookingId, body }: { bookingId: string; body: HandoverBody }) => api.post<Wire<HandoverView>>(`/api/resources/bookings/${bookingId}/handover`, body));
export const useAddPhoto = () =>
  useRefreshing(({ bookingId, direction, file }: { bookingId: string; direction: 'out' | 'in'; file: File }) => {
    const form = new FormData();
    form.append('direction', direction);
    form.append('file', file);
    return api.post<Wire<HandoverView>>(`/api/resources/bookings/${bookingId}/handover/photos`, form);
  });
export const useCreateFeed = () => useRefreshing((body: { resourceId?: string }) => api.post<Wire<CreatedFeed>>('/api/resources/feeds', body));
export const useRevokeFeed = () => useRefreshing((id: string) => api.post(`/api/resources/feeds/${id}/revoke`, {}));
export const useMarkNoShows = () => useRefreshing((cutoffMinutes: number) => api.post<{ marked: number }>('/api/resources/no-shows', { cutoffMinutes }));
export const occupancyCsvUrl = (q: { from: string; to: string }) => `/api/resources/occupancy.csv?from=${q.from}&to=${q.to}`;
