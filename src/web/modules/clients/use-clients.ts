import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddressInput,
  Client,
  ClientAddress,
  ClientContact,
  ClientSummary,
  ContactInput,
  CreateClientBody,
  UpdateAddressBody,
  UpdateClientBody,
  UpdateContactBody,
} from '../../../modules/clients/contract';
import type { Page } from '../../../platform/http/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type ClientData = Wire<Client>;
export type ClientSummaryData = Wire<ClientSummary>;

export interface ClientFilters {
  page?: number;
  pageSize?: number;
  q?: string;
  kind?: ClientSummary['kind'];
  activityId?: string;
  archived?: 'true';
}

export const CLIENTS_QUERY_KEY = ['clients'] as const;
const detailKey = (id: string) => [...CLIENTS_QUERY_KEY, 'detail', id];

/** GET /api/clients: a page of the clients the person may see. */
export function useClients(filters: ClientFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...CLIENTS_QUERY_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<Page<ClientSummaryData>>('/api/clients', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: ({ signal }) => api.get<ClientData>(`/api/clients/${id}`, { signal }) });
}

/** Every change of a client or of one of its parts: refresh the client and the lists. */
function useClientMutation<Vars, Result>(clientId: string, request: (vars: Vars) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: detailKey(clientId) });
      void queryClient.invalidateQueries({ queryKey: [...CLIENTS_QUERY_KEY, 'list'] });
    },
  });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClientBody) => api.post<ClientData>('/api/clients', body),
    onSuccess: (client) => {
      queryClient.setQueryData(detailKey(client.id), client);
      void queryClient.invalidateQueries({ queryKey: [...CLIENTS_QUERY_KEY, 'list'] });
    },
  });
}

export const useUpdateClient = (id: string) =>
  useClientMutation(id, (body: UpdateClientBody) => api.patch<ClientData>(`/api/clients/${id}`, body));

export const useArchiveClient = (id: string) =>
  useClientMutation(id, (archived: boolean) => api.post<ClientData>(`/api/clients/${id}/${archived ? 'archive' : 'restore'}`));

export const useLinkActivities = (id: string) =>
  useClientMutation(id, (activityIds: string[]) => api.put<ClientData>(`/api/clients/${id}/activities`, { activityIds }));

export const useSaveAddress = (clientId: string) =>
  useClientMutation(clientId, ({ id, body }: { id?: string; body: AddressInput | UpdateAddressBody }) =>
    id
      ? api.patch<Wire<ClientAddress>>(`/api/clients/${clientId}/addresses/${id}`, body)
      : api.post<Wire<ClientAddress>>(`/api/clients/${clientId}/addresses`, body),
  );

export const useRemoveAddress = (clientId: string) =>
  useClientMutation(clientId, (id: string) => api.delete(`/api/clients/${clientId}/addresses/${id}`));

export const useSaveContact = (clientId: string) =>
  useClientMutation(clientId, ({ id, body }: { id?: string; body: ContactInput | UpdateContactBody }) =>
    id
      ? api.patch<Wire<ClientContact>>(`/api/clients/${clientId}/contacts/${id}`, body)
      : api.post<Wire<ClientContact>>(`/api/clients/${clientId}/contacts`, body),
  );

export const useRemoveContact = (clientId: string) =>
  useClientMutation(clientId, (id: string) => api.delete(`/api/clients/${clientId}/contacts/${id}`));
