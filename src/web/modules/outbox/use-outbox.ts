import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OUTBOX_STATUSES, OutboxMail, OutboxPage } from '../../../platform/mail/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type OutboxMailData = Wire<OutboxMail>;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** GET /api/outbox (admins). */
export function useOutbox(filters: { status?: OutboxStatus; to?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['outbox', filters],
    queryFn: () => api.get<Wire<OutboxPage>>('/api/outbox', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/outbox/:id. */
export function useOutboxMail(id: string | null) {
  return useQuery({
    queryKey: ['outbox', 'mail', id],
    queryFn: () => api.get<OutboxMailData>(`/api/outbox/${id}`),
    enabled: id !== null,
  });
}
