import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditPage } from '../../../platform/audit/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type AuditEntryData = Wire<AuditEntry>;

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** GET /api/audit (admins). */
export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: () => api.get<Wire<AuditPage>>('/api/audit', { query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}
