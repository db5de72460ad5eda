import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoopSettings } from '../../../modules/coops/contract';
import type {
  AdvisorOption,
  CreateMemberBody,
  MemberDetail,
  MemberDocument,
  MemberListQuery,
  MemberPage,
  TransitionBody,
  UpdateMemberBody,
} from '../../../modules/members/contract';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type MemberPageData = Wire<MemberPage>;
export type MemberData = Wire<MemberDetail>;
export type MemberDocumentData = Wire<MemberDocument>;
export type MemberListParams = Partial<MemberListQuery>;

export const MEMBERS_QUERY_KEY = ['members'] as const;
const keys = {
  list: (params: MemberListParams) => [...MEMBERS_QUERY_KEY, 'list', params] as const,
  detail: (id: string) => [...MEMBERS_QUERY_KEY, 'detail', id] as const,
  me: [...MEMBERS_QUERY_KEY, 'me'] as const,
  advisors: [...MEMBERS_QUERY_KEY, 'advisors'] as const,
  coop: [...MEMBERS_QUERY_KEY, 'coop-settings'] as const,
};

/** GET /api/members: one page of the list, the previous page shown while the next loads. */
export function useMembers(params: MemberListParams) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: ({ signal }) => api.get<MemberPageData>('/api/members', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string) {
  return useQuery({ queryKey: keys.detail(id), queryFn: () => api.get<MemberData>(`/api/members/${id}`) });
}

/** GET /api/members/me: the signed-in person's own member file. */
export function useMyMember() {
  return useQuery({ queryKey: keys.me, queryFn: () => api.get<MemberData>('/api/members/me') });
}

/** The staff and admins who may advise members (for staff forms and filters only). */
export function useAdvisors(enabled = true) {
  return useQuery({
    queryKey: keys.advisors,
    queryFn: () => api.get<AdvisorOption[]>('/api/members/advisors'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The settings a member form depends on: membership types, poles, notice period. */
export function useCoopSettings() {
  return useQuery({ queryKey: keys.coop, queryFn: () => api.get<Wire<CoopSettings>>('/api/coop'), staleTime: 5 * 60_000 });
}

/** After any change to a member, every list and file that shows them reloads. */
function useRefreshMember() {
  const queryClient = useQueryClient();
  return (member: MemberData) => {
    queryClient.setQueryData(keys.detail(member.id), member);
    void queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY });
  };
}

export function useCreateMember() {
  const refresh = useRefreshMember();
  return useMutation({
    mutationFn: (body: CreateMemberBody) => api.post<MemberData>('/api/members', body),
    onSuccess: refresh,
  });
}

export function useUpdateMember(id: string) {
  const refresh = useRefreshMember();
  return useMutation({
    mutationFn: (body: UpdateMemberBody) => api.patch<MemberData>(`/api/members/${id}`, body),
    onSuccess: refresh,
  });
}

export function useMoveMember(id: string) {
  const refresh = useRefreshMember();
  return useMutation({
    mutationFn: (body: TransitionBody) => api.post<MemberData>(`/api/members/${id}/transitions`, body),
    onSuccess: refresh,
  });
}

export interface DocumentUpload {
  kind: string;
  title: string;
  signedOn?: string;
  year?: string;
  declaredRevenueCents?: string;
  file: File;
}

export function useUploadDocument(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...fields }: DocumentUpload) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
      // The file goes last so the server has read the fields that describe it.
      form.append('file', file, file.name);
      return api.post<MemberDocumentData>(`/api/members/${memberId}/documents`, form);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY }),
  });
}

export function useDeleteDocument(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => api.delete(`/api/members/${memberId}/documents/${documentId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY }),
  });
}

export const documentContentUrl = (memberId: string, documentId: string) => `/api/members/${memberId}/documents/${documentId}/content`;
