import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailMode, NotificationPreference, NotificationView, UnreadCount } from '../../../modules/notifications/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type NotificationData = Wire<NotificationView>;
export interface NotificationsPage {
  items: NotificationData[];
  total: number;
  page: number;
  pageSize: number;
}

export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;
/** The bell asks again this often: new notifications come from the job runner, not from this tab. */
const BELL_REFRESH_MS = 30_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'unread-count'],
    queryFn: ({ signal }) => api.get<UnreadCount>('/api/notifications/unread-count', { signal }),
    refetchInterval: BELL_REFRESH_MS,
  });
}

export function useNotifications(query: { page: number; pageSize: number; unread?: boolean }, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'list', query],
    queryFn: ({ signal }) => api.get<NotificationsPage>('/api/notifications', { signal, query: { page: query.page, pageSize: query.pageSize, unread: query.unread ? 'true' : undefined } }),
    enabled: options.enabled ?? true,
  });
}

function useNotificationMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY });
    },
  });
}

export const useReadNotification = () => useNotificationMutation((id: string) => api.post<NotificationData>(`/api/notifications/${id}/read`));
export const useReadAllNotifications = () => useNotificationMutation(() => api.post<{ marked: number }>('/api/notifications/read-all'));

export function useNotificationPreference() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'preferences'],
    queryFn: ({ signal }) => api.get<NotificationPreference>('/api/notifications/preferences', { signal }),
  });
}

export const useSetNotificationPreference = () =>
  useNotificationMutation((mailMode: MailMode) => api.put<NotificationPreference>('/api/notifications/preferences', { mailMode }));
