import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecurringBody, RecurringPreview, Booking } from '../../../modules/resources/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';
import { RESOURCES_QUERY_KEY } from './use-resources';

/** Each week of a series, free or refused with the reason: nothing is booked. */
export const usePreviewWeekly = () => useMutation({ mutationFn: (body: RecurringBody) => api.post<Wire<RecurringPreview>>('/api/resources/bookings/weekly/preview', body) });

/** Books the series' free weeks (the server judges every week again under the resource's lock). */
export function useBookWeekly() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecurringBody) => api.post<{ recurrenceId: string; booked: Wire<Booking>[]; skipped: string[] }>('/api/resources/bookings/weekly', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: RESOURCES_QUERY_KEY }),
  });
}
